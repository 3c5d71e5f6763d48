package fullcourt.seasons;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: generate seasons into a DuckDB file and print what was written and how long it took. */
@Command(name = "generate-seasons", mixinStandardHelpOptions = true,
        description = "Fills the raw tables of a DuckDB database with deterministic synthetic NBA seasons.")
public final class SeasonGeneratorMain implements Callable<Integer> {

    @Option(names = "--seasons", defaultValue = "2021-22..2024-25",
            description = "a season (2022-23) or a range (2021-22..2024-25); default ${DEFAULT-VALUE}")
    String seasons;

    @Option(names = "--seed", defaultValue = "42", description = "random seed; default ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--db", defaultValue = "data/fullcourt.duckdb", description = "DuckDB file; default ${DEFAULT-VALUE}")
    Path db;

    @Option(names = "--missing-only", description = "skip seasons already in the database")
    boolean missingOnly;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SeasonGeneratorMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<Season> wanted;
        try {
            wanted = SeasonRange.parse(seasons);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), e.getMessage());
        }
        Path parent = db.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long started = System.nanoTime();
        SeasonGenerator generator = new SeasonGenerator(seed);
        List<Season> todo;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db)) {
            todo = missingOnly
                    ? wanted.stream().filter(s -> !presentQuietly(generator, connection, s)).toList()
                    : wanted;
            if (todo.size() < wanted.size()) {
                System.out.println("already present, skipped: "
                        + wanted.stream().filter(s -> !todo.contains(s)).toList());
            }
            GenerationReport report = generator.generate(connection, todo);
            System.out.print(report.render());
        }
        System.out.printf("generated %d season(s) %s with seed %d into %s in %.1f s%n", todo.size(), todo, seed, db,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static boolean presentQuietly(SeasonGenerator generator, Connection connection, Season season) {
        try {
            return generator.present(connection, season);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
