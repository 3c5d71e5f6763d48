package fullcourt.cli;

import fullcourt.infra.PubSubConnection;
import fullcourt.loader.LoadResult;
import fullcourt.loader.RawLoad;
import fullcourt.loader.announce.PubSubRawUpdates;
import fullcourt.loader.announce.RawUpdateAnnouncer;
import fullcourt.loader.check.Rejection;
import fullcourt.loader.contract.RawContract;
import fullcourt.loader.contract.RawTable;
import fullcourt.loader.stage.FileFormat;
import fullcourt.loader.stage.RawFile;
import fullcourt.loader.write.DateChange;
import fullcourt.loader.write.DuckDbRawPartitions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code fullcourt load TABLE FILES...}: raw files checked against the raw contract, then loaded per date. */
@Command(name = "load", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "Check raw files (CSV, Parquet, JSON) against the raw contract and load them into the warehouse.",
        description = {
            "%nEvery row is checked before anything is written (types, required columns, keys, game ids, dates inside"
                    + " their season, games on the schedule, made <= attempted, minutes 0..70; see RAW-CONTRACT.md)."
                    + " A rejected row is printed with its file, line and reason, and then nothing is written unless"
                    + " --skip-bad-rows is given.",
            "Each date the files hold replaces that date of the table whole, every date of the load in one DuckDB"
                    + " transaction; a date whose rows are already there as loaded is left alone, so loading the same"
                    + " file again changes nothing.",
            "The dates that changed are announced on the raw-updates topic when a Pub/Sub is configured (--emulator,"
                    + " or --project for Google Cloud), which makes the coordinator recompute what read them. Without"
                    + " one, or when it cannot be reached, the load is still done and says so: the changed dates are"
                    + " stale by their fingerprints, and 'fullcourt request ... --stale' (or the all-in-one's --stale)"
                    + " recomputes them.",
            "DuckDB allows one writing process per file: stop the all-in-one before loading into its database."},
        exitCodeListHeading = ExitCodes.HEADING,
        exitCodeList = {ExitCodes.OK_LINE + " (also when the announcement could not be published: a warning says so)",
            ExitCodes.SYSTEM_FAILURE_LINE, ExitCodes.USAGE_LINE, ExitCodes.ROWS_REJECTED_LINE},
        footerHeading = "%nExamples:%n",
        footer = {
            "  Check a season's files without writing anything:",
            "    fullcourt load all schedule.csv player_box_scores.csv team_box_scores.csv --dry-run",
            "  Load the committed sample (each file's table from its name):",
            "    fullcourt load all samples/raw/*.csv",
            "  One table from Parquet, keeping the good rows of a file with bad ones:",
            "    fullcourt load player_box_scores box-2022-01.parquet --skip-bad-rows",
            "  Into another database, announcing on the local emulator:",
            "    fullcourt load schedule schedule.csv --duckdb /data/nba.duckdb --emulator localhost:8085"})
public class LoadCommand implements Callable<Integer> {

    static final String DUCKDB_ENV = "FULLCOURT_WAREHOUSE_DUCKDB_PATH";
    static final String ALL_TABLES = "all";

    @Parameters(index = "0", paramLabel = "TABLE",
            description = "Raw table the files fill: schedule, player_box_scores, team_box_scores, shot_events,"
                    + " prop_lines (raw. prefix optional), or 'all': each file's table is the start of its name"
                    + " (schedule.csv, player_box_scores-2022.parquet).")
    String table;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILES", description = "Files to load.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv (comma-separated, a header line), parquet or json (newline-delimited)."
                    + "%nDefault: from each file's extension.")
    String format;

    @Option(names = "--dry-run", description = "Check and say what would change; write and announce nothing."
            + "%nDefault: off.")
    boolean dryRun;

    @Option(names = "--skip-bad-rows", description = "Load the rows that pass and skip the rejected ones (still"
            + " printed); a date keeps only its good rows.%nDefault: off: any rejected row, nothing written.")
    boolean skipBadRows;

    @Option(names = "--duckdb", paramLabel = "PATH",
            defaultValue = "${env:" + DUCKDB_ENV + ":-data/fullcourt.duckdb}",
            description = "DuckDB database to load into (fullcourt.warehouse.duckdb-path of the services)."
                    + "%nDefault: data/fullcourt.duckdb, or $" + DUCKDB_ENV + " when set.")
    Path duckdb;

    @Option(names = "--announce", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Announce the changed dates on raw-updates when a Pub/Sub is configured (--emulator or"
                    + " $PUBSUB_EMULATOR_HOST; --project or $FULLCOURT_PROJECT for Google Cloud).%nDefault: on.")
    boolean announce;

    @Mixin
    PubSubOptions pubsub;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        RawContract contract = RawContract.load();
        List<RawFile> rawFiles = rawFiles(contract);
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (Connection connection = open(); Announcer announcer = announcer()) {
            RawLoad load = new RawLoad(contract, connection, new DuckDbRawPartitions(connection, contract.tables()),
                    announcer.announcer());
            LoadResult result = load.run(rawFiles, dryRun, skipBadRows);
            result.rejections().forEach(r -> err.println("rejected " + r));
            printChanges(out, result);
            return report(out, err, result);
        } catch (SQLException e) {
            throw new SystemFailureException("cannot load into DuckDB database " + duckdb + ": "
                    + e.getMessage().strip().lines().findFirst().orElse(""), e);
        }
    }

    private int report(PrintWriter out, PrintWriter err, LoadResult result) {
        long changed = result.changes().stream().filter(DateChange::changes).count();
        long rejected = result.rejections().size();
        switch (result.outcome()) {
            case REFUSED -> {
                err.println(rejected + " row(s) or file(s) rejected: nothing written, nothing announced. Fix them, or"
                        + " load the rest with --skip-bad-rows.");
                return ExitCodes.CHECK_FAILED;
            }
            case DRY_RUN -> {
                out.println("dry run: " + changed + " date(s) would change in " + duckdb
                        + (rejected > 0 ? ", " + rejected + " rejected row(s) skipped" : "")
                        + "; nothing written, nothing announced");
                return ExitCodes.OK;
            }
            default -> {
                out.println("loaded into " + duckdb + ": " + changed + " date(s) changed"
                        + (rejected > 0 ? ", " + rejected + " rejected row(s) skipped" : ""));
                if (result.announcementFailed()) {
                    err.println("warning: " + result.announcement() + ". The data is loaded; the changed dates are"
                            + " stale by their fingerprints: 'fullcourt request --from D --to D --phase 3 --stale'"
                            + " recomputes them.");
                } else {
                    out.println(result.announcement());
                }
                return ExitCodes.OK;
            }
        }
    }

    private static void printChanges(PrintWriter out, LoadResult result) {
        for (DateChange c : result.changes()) {
            String what = switch (c.kind()) {
                case NEW -> "new       " + c.rowsLoaded() + " rows";
                case REPLACED -> "replaced  " + c.rowsLoaded() + " rows (were " + c.rowsBefore() + ")";
                case UNCHANGED -> "unchanged " + c.rowsLoaded() + " rows";
            };
            out.printf("%-24s %s  %s%n", c.table(), c.date(), what);
        }
    }

    private List<RawFile> rawFiles(RawContract contract) {
        Optional<FileFormat> forced = Optional.empty();
        if (format != null) {
            forced = FileFormat.named(format);
            if (forced.isEmpty()) {
                throw usage("--format must be csv, parquet or json, got '" + format + "'");
            }
        }
        Optional<RawTable> named = table.equals(ALL_TABLES) ? Optional.empty() : contract.table(table);
        if (!table.equals(ALL_TABLES) && named.isEmpty()) {
            throw usage("unknown raw table '" + table + "': expected one of " + contract.names() + " or " + ALL_TABLES);
        }
        List<RawFile> raw = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw usage("no such file: " + file);
            }
            RawTable t = named.orElseGet(() -> tableOfName(contract, file));
            FileFormat f = forced.or(() -> FileFormat.of(file)).orElseThrow(() -> usage("cannot tell the format of "
                    + file + " from its extension (.csv, .parquet, .json): give --format"));
            raw.add(new RawFile(file, t, f));
        }
        return raw;
    }

    private RawTable tableOfName(RawContract contract, Path file) {
        String name = file.getFileName().toString();
        return contract.tables().stream().filter(t -> name.startsWith(t.name())).findFirst()
                .orElseThrow(() -> usage("with TABLE 'all', a file's name must start with its table (one of "
                        + contract.names() + "), got " + file));
    }

    private Connection open() throws SQLException {
        try {
            Path parent = duckdb.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // DriverManager's service-loader scan misses the driver under Quarkus' class loaders
            Class.forName("org.duckdb.DuckDBDriver");
            return DriverManager.getConnection("jdbc:duckdb:" + duckdb);
        } catch (SQLException e) {
            throw new SystemFailureException("cannot open DuckDB database " + duckdb + ": "
                    + e.getMessage().strip().lines().findFirst().orElse("") + " (is the all-in-one running on it?"
                    + " DuckDB allows one writing process per file: stop it, load, start it again)", e);
        } catch (IOException | ClassNotFoundException e) {
            throw new SystemFailureException("cannot open DuckDB database " + duckdb + ": " + e, e);
        }
    }

    /** The announcer this command's options ask for, and the connection it holds. */
    private Announcer announcer() {
        if (dryRun) {
            return new Announcer(null, RawUpdateAnnouncer.disabled("dry run"));
        }
        if (!announce) {
            return new Announcer(null, RawUpdateAnnouncer.disabled("--no-announce"));
        }
        boolean projectGiven = command.commandLine().getParseResult().hasMatchedOption("--project")
                || System.getenv(PubSubOptions.PROJECT_ENV) != null;
        if (!pubsub.usesEmulator() && !projectGiven) {
            return new Announcer(null, RawUpdateAnnouncer.disabled("no Pub/Sub configured: set --emulator or $"
                    + PubSubOptions.EMULATOR_ENV + ", or --project for Google Cloud; the changed dates are stale by"
                    + " their fingerprints, 'request ... --stale' recomputes them"));
        }
        PubSubConnection connection = pubsub.connect();
        return new Announcer(connection, new PubSubRawUpdates(connection, pubsub.topics().rawUpdates()));
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }

    private record Announcer(PubSubConnection connection, RawUpdateAnnouncer announcer) implements AutoCloseable {
        @Override
        public void close() {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
