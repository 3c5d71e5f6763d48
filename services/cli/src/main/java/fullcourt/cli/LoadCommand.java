package fullcourt.cli;

import com.google.cloud.NoCredentials;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.retry.BackoffPolicy;
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
import fullcourt.loader.write.BigQueryRawPartitions;
import fullcourt.loader.write.DuckDbRawPartitions;
import fullcourt.loader.write.RawPartitions;
import fullcourt.loader.write.RawWriteFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
            "With --warehouse bigquery the files are checked the same way (by an in-memory DuckDB), then each date"
                    + " of each table is one BigQuery load job replacing raw.TABLE$YYYYMMDD (WRITE_TRUNCATE), as the"
                    + " processors replace their partitions: atomic per date, not across dates (a failure says which"
                    + " dates were written). Transient BigQuery errors are retried with backoff. BigQuery's rows are"
                    + " not compared, so a date that has rows is always replaced and announced.",
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
            "    fullcourt load schedule schedule.csv --duckdb /data/nba.duckdb --emulator localhost:8085",
            "  Into BigQuery, announcing on the project's Pub/Sub (application default credentials):",
            "    fullcourt load all schedule.csv player_box_scores.csv --warehouse bigquery --project acme-nba"})
public class LoadCommand implements Callable<Integer> {

    static final String DUCKDB_ENV = "FULLCOURT_WAREHOUSE_DUCKDB_PATH";
    static final String BACKEND_ENV = "FULLCOURT_WAREHOUSE_BACKEND";
    static final String LOCATION_ENV = "FULLCOURT_WAREHOUSE_BIGQUERY_LOCATION";
    static final String ALL_TABLES = "all";
    /** How often a running BigQuery load job is read (fullcourt.warehouse.bigquery.poll-interval's default). */
    static final Duration BIGQUERY_POLL = Duration.ofMillis(500);

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

    @Option(names = "--warehouse", paramLabel = "BACKEND",
            defaultValue = "${env:" + BACKEND_ENV + ":-duckdb}",
            description = "duckdb (the file of --duckdb) or bigquery (dataset raw of --project, as provisioned by"
                    + " 'fullcourt provision'; fullcourt.warehouse.backend of the services).%nDefault: duckdb, or $"
                    + BACKEND_ENV + " when set.")
    String warehouse;

    @Option(names = "--location", paramLabel = "LOCATION", defaultValue = "${env:" + LOCATION_ENV + ":-US}",
            description = "BigQuery location of the datasets (fullcourt.warehouse.bigquery.location).%nDefault: US,"
                    + " or $" + LOCATION_ENV + " when set.")
    String location;

    /** A local stand-in for the BigQuery API (tests): no credentials are sent to it. */
    @Option(names = "--bigquery-endpoint", hidden = true)
    String bigqueryEndpoint;

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
        boolean bigquery = bigquery();
        try (Connection connection = open(bigquery); Announcer announcer = announcer()) {
            RawPartitions partitions = bigquery
                    ? BigQueryRawPartitions.connect(pubsub.project(), bigqueryEndpoint, location,
                            bigqueryEndpoint == null ? null : NoCredentials.getInstance(), BackoffPolicy.DEFAULT,
                            new Random(), BIGQUERY_POLL)
                    : new DuckDbRawPartitions(connection, contract.tables());
            RawLoad load = new RawLoad(contract, connection, partitions, announcer.announcer());
            LoadResult result = load.run(rawFiles, dryRun, skipBadRows);
            result.rejections().forEach(r -> err.println("rejected " + r));
            printChanges(out, result);
            return report(out, err, result);
        } catch (SQLException e) {
            throw new SystemFailureException("cannot load into " + target() + ": "
                    + e.getMessage().strip().lines().findFirst().orElse(""), e);
        } catch (RawWriteFailure e) {
            throw new SystemFailureException("cannot load into " + target() + ": " + e.getMessage(), e);
        }
    }

    private boolean bigquery() {
        return switch (warehouse.trim()) {
            case "duckdb" -> false;
            case "bigquery" -> true;
            default -> throw usage("--warehouse must be duckdb or bigquery, got '" + warehouse + "'");
        };
    }

    /** Where the rows go, for messages. */
    private String target() {
        return bigquery() ? "BigQuery project " + pubsub.project() + " (dataset raw, " + location + ")"
                : "DuckDB database " + duckdb;
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
                out.println("dry run: " + changed + " date(s) would change in " + target()
                        + (rejected > 0 ? ", " + rejected + " rejected row(s) skipped" : "")
                        + "; nothing written, nothing announced");
                return ExitCodes.OK;
            }
            default -> {
                out.println("loaded into " + (bigquery() ? target() : duckdb) + ": " + changed + " date(s) changed"
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

    /** The warehouse's DuckDB file, or for BigQuery an in-memory DuckDB that only checks and stages the rows. */
    private Connection open(boolean bigquery) throws SQLException {
        if (bigquery) {
            return connect("");
        }
        try {
            Path parent = duckdb.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return connect(duckdb.toString());
        } catch (SQLException e) {
            throw new SystemFailureException("cannot open DuckDB database " + duckdb + ": "
                    + e.getMessage().strip().lines().findFirst().orElse("") + " (is the all-in-one running on it?"
                    + " DuckDB allows one writing process per file: stop it, load, start it again)", e);
        } catch (IOException e) {
            throw new SystemFailureException("cannot open DuckDB database " + duckdb + ": " + e, e);
        }
    }

    private static Connection connect(String path) throws SQLException {
        try {
            // DriverManager's service-loader scan misses the driver under Quarkus' class loaders
            Class.forName("org.duckdb.DuckDBDriver");
        } catch (ClassNotFoundException e) {
            throw new SystemFailureException("the DuckDB driver is missing: " + e, e);
        }
        return DriverManager.getConnection("jdbc:duckdb:" + path);
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
