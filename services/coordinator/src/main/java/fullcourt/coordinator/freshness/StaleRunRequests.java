package fullcourt.coordinator.freshness;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.catalog.RawInput;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import fullcourt.messages.SchemaVersions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The run a burst of raw updates asks for: the stale partitions of the processors that read an
 * announced table, with cascade, from the earliest announced date to the calendar's last date (a
 * raw date is read by later dates through windows, e.g. raw.schedule season to date; the stale
 * plan keeps only what lineage finds stale there). Its request id is derived from the burst's
 * message ids, which Pub/Sub keeps on redelivery: a redelivered burst is the same run, not a second
 * one, while the same dates corrected again later (new messages) are a new run.
 */
public final class StaleRunRequests {

    /** How the ids of these runs begin. */
    public static final String ID_PREFIX = "raw-updates-";

    private final Catalog catalog;

    public StaleRunRequests(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The stale run for {@code burst}; empty when no processor reads any of the announced tables. */
    public Optional<BackfillRequest> forBurst(List<ReceivedUpdate> burst, SeasonCalendar calendar) {
        Set<String> tables = new TreeSet<>();
        TreeSet<LocalDate> dates = new TreeSet<>();
        burst.forEach(r -> {
            tables.add(r.update().table());
            dates.addAll(r.update().dates());
        });
        List<String> readers = readersOf(tables);
        if (readers.isEmpty()) {
            return Optional.empty();
        }
        LocalDate to = calendar.seasons().stream().map(SeasonCalendar.Season::last)
                .filter(d -> d.isAfter(dates.last())).max(LocalDate::compareTo).orElse(dates.last());
        return Optional.of(BackfillRequest.forRange(requestId(burst), dates.first(), to)
                .withProcessors(readers)
                .withMode(BackfillRequest.Mode.STALE)
                .withCascade(true)
                .withLabels(labels(burst, tables)));
    }

    /** The processors whose raw inputs include one of {@code tables}, in catalog order. */
    public List<String> readersOf(Set<String> tables) {
        List<String> readers = new ArrayList<>();
        for (ProcessorDeclaration d : catalog.all()) {
            if (d.rawInputs().stream().map(RawInput::table).anyMatch(tables::contains)) {
                readers.add(d.name());
            }
        }
        return readers;
    }

    static String requestId(List<ReceivedUpdate> burst) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        // schema version first, so that a future encoding of the burst cannot collide with this one
        sha.update(("v" + SchemaVersions.CURRENT + "\n").getBytes(StandardCharsets.UTF_8));
        new TreeSet<>(burst.stream().map(ReceivedUpdate::messageId).toList())
                .forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
        return ID_PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 8);
    }

    /** Where the run came from, for people reading runs: tables, sources, message count, and the messages' labels. */
    private static Map<String, String> labels(List<ReceivedUpdate> burst, Set<String> tables) {
        Map<String, Set<String>> merged = new TreeMap<>();
        Set<String> sources = new TreeSet<>();
        for (ReceivedUpdate r : burst) {
            r.update().labels().forEach((k, v) -> merged.computeIfAbsent(k, x -> new TreeSet<>()).add(v));
            if (r.update().source() != null) {
                sources.add(r.update().source());
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        merged.forEach((k, v) -> labels.put(k, String.join(",", v)));
        labels.put("trigger", "raw-updates");
        labels.put("tables", String.join(",", tables));
        labels.put("messages", String.valueOf(burst.size()));
        if (!sources.isEmpty()) {
            labels.put("sources", String.join(",", sources));
        }
        return labels;
    }
}
