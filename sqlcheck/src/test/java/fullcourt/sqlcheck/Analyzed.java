package fullcourt.sqlcheck;

import fullcourt.engine.catalog.CatalogReader;
import java.time.LocalDate;

/** One warehouse catalog for the small tests, built once: statements there are analyzed against the real catalog. */
final class Analyzed {

    private static DeclaredWarehouse warehouse;

    private Analyzed() {
    }

    static synchronized DeclaredWarehouse warehouse() {
        if (warehouse == null) {
            warehouse = DeclaredWarehouse.build(CatalogReader.read("classpath:fullcourt-catalog.json"),
                    ModelFiles.scan(ModelFiles.repository()));
        }
        return warehouse;
    }

    /** The analyzer's message for {@code sql} (parameter {@code @game_date} a DATE), or null when it passes. */
    static String refusal(String sql) {
        return warehouse().analyze(SqlStatement.of(StatementKind.MODEL, "a test's statement", sql,
                "game_date", LocalDate.of(2024, 1, 15))).failure();
    }
}
