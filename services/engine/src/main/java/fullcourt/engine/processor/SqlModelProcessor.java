package fullcourt.engine.processor;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A processor that is one SQL model, {@code models/<name>.sql} on the classpath: a SELECT of the
 * partition's rows for {@code @game_date}. An optional {@code models/<name>.checks.sql} is the
 * per-date gate: run on the written partition, it returns one row (column {@code problem}) per
 * failed check; any row fails the task permanently, so it ends DEAD with the problems and its
 * downstream does not run on that date. Days of a season without games, and a season's
 * bootstrap days, are SKIPPED with the reason before the model runs. An optional
 * {@code models/<name>.inputs.sql} says when the model has nothing to work from on a date (its
 * source has no row of it): it returns one row (column {@code missing}) per such input, and the
 * task ends SKIPPED with them instead of SUCCEEDED with 0 rows. Its version is a hash of the
 * model and checks text, so a changed model shows in every result it produced; the inputs gate
 * is not part of it (it changes no row a model writes, only whether an empty date is written).
 */
public final class SqlModelProcessor implements Processor {

    private final ProcessorDeclaration declaration;
    private final String sql;
    private final String checks;
    private final String inputs;
    private final String version;

    SqlModelProcessor(ProcessorDeclaration declaration, String sql, String checks, String inputs) {
        this.declaration = declaration;
        this.sql = sql;
        this.checks = checks;
        this.inputs = inputs;
        this.version = hash(checks == null ? sql : sql + checks);
    }

    /** SQL models on the classpath for the catalog's processors of {@code phases} not implemented otherwise. */
    public static List<Processor> discover(Catalog catalog, Collection<Integer> phases, Collection<Processor> implemented) {
        Set<String> taken = implemented.stream().map(Processor::name).collect(Collectors.toSet());
        List<Processor> out = new ArrayList<>();
        for (ProcessorDeclaration d : catalog.all()) {
            if (!phases.contains(d.phase()) || taken.contains(d.name())) {
                continue;
            }
            String text = modelText(d.name());
            if (text != null) {
                out.add(new SqlModelProcessor(d, text, modelText(d.name() + ".checks"), modelText(d.name() + ".inputs")));
            }
        }
        return out;
    }

    static String modelText(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("models/" + name + ".sql")) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code sql-<first 12 hex of SHA-256>}: the version of a model text. */
    public static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sql-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return declaration.name();
    }

    @Override
    public String version(ProcessorDeclaration ignored) {
        return version;
    }

    @Override
    public Outcome process(TaskContext task) {
        String skip = skipReason(task);
        if (skip != null) {
            return Outcome.skipped(skip);
        }
        if (inputs != null) {
            List<String> missing = task.warehouse().query(inputs, Map.of("game_date", task.date())).stream()
                    .map(r -> String.valueOf(r.get("missing"))).toList();
            if (!missing.isEmpty()) {
                return Outcome.skipped(nothingToWorkFrom(task.date(), missing));
            }
        }
        task.cancellation().check();
        long rows = task.warehouse().replacePartition(declaration.table(), declaration.partitionColumn(), task.date(),
                sql, Map.of("game_date", task.date()), task.cancellation());
        if (checks != null) {
            task.cancellation().check();
            List<String> problems = task.warehouse().query(checks, Map.of("game_date", task.date())).stream()
                    .map(r -> String.valueOf(r.get("problem"))).toList();
            if (!problems.isEmpty()) {
                throw new PermanentFailure("output check failed for " + declaration.name() + " on " + task.date() + ": "
                        + String.join("; ", problems) + " (the partition is written but marked by this dead task:"
                        + " nothing downstream runs on it; fix the input, then replay)");
            }
        }
        return Outcome.written(rows);
    }

    /**
     * The reason of a task SKIPPED because its inputs hold nothing for its date, naming each ({@code no rows in
     * analytics.x}): the same words for SQL models and Java processors.
     */
    public static String nothingToWorkFrom(LocalDate date, List<String> missing) {
        return "nothing to work from on " + date + ": " + String.join("; ", missing);
    }

    /**
     * Why a season-bound processor has nothing to compute on the task's date, or null: for Java processors too. Decided
     * by the run's calendar ({@link TaskContext#seasonCalendar()}): not a game date, or a bootstrap day of its season
     * ({@link DateDomain#skipReason}).
     */
    public static String skipReason(TaskContext task) {
        return task.declaration().dateDomain().skipReason(task.date(), task.seasonCalendar());
    }
}
