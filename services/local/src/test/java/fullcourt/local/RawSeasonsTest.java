package fullcourt.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.seasons.Season;
import fullcourt.seasons.SeasonGenerator;
import fullcourt.seasons.raw.RawTables;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The all-in-one never generates a season over raw data someone loaded. */
class RawSeasonsTest {

    private final SeasonGenerator generator = new SeasonGenerator(7);

    @Test
    void aSeasonHoldingLoadedGamesIsRefusedWithWhatToDoAndNothingIsDeleted() throws Exception {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:"); Connection db = warehouse.connection()) {
            RawTables.create(db);
            try (Statement st = db.createStatement()) {
                // a game of one's own, as `fullcourt load` writes it
                st.execute("INSERT INTO raw.schedule VALUES ('20221019_LAL_GSW', DATE '2022-10-19', '2022-23',"
                        + " 'regular', 'GSW', 'LAL')");
            }

            assertThatThrownBy(() -> RawSeasons.toGenerate(generator, db,
                    List.of(Season.of("2022-23"), Season.of("2023-24"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("raw data of 2022-23 (1 scheduled games) is already in the warehouse")
                    .hasMessageContaining("-Dfullcourt.local.seasons= (empty: generate nothing)")
                    .hasMessageNotContaining("2023-24");
            try (Statement st = db.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM raw.schedule")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void emptySeasonsAreGeneratedAndGeneratedOnesAreNotAgain() throws Exception {
        try (DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:"); Connection db = warehouse.connection()) {
            Season generated = Season.of("2022-23");
            generator.generate(db, List.of(generated));

            assertThat(RawSeasons.toGenerate(generator, db, List.of(generated, Season.of("2023-24"))))
                    .containsExactly(Season.of("2023-24"));
        }
    }
}
