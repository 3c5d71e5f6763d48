package fullcourt.coordinator.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.coordinator.lineage.StaleReason;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.DateDomain;
import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static final LocalDate OCT_24 = LocalDate.of(2023, 10, 24);
    private static final LocalDate OCT_27 = LocalDate.of(2023, 10, 27);
    private static final Catalog CATALOG = Catalog.of(List.of(
            new ProcessorDeclaration("team_offense_game_summary", 3, "analytics.team_offense_game_summary", "game_date",
                    List.of(), DateDomain.SEASON_DAYS, "sql", 4),
            new ProcessorDeclaration("player_game_summary", 3, "analytics.player_game_summary", "game_date",
                    List.of(), DateDomain.SEASON_DAYS, "sql", 4),
            new ProcessorDeclaration("zones", 4, "precompute.zones", "game_date",
                    List.of(), DateDomain.parse("season-days:bootstrap=2"), "sql", 4)));

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");

    @BeforeEach
    void fill() {
        // games on Oct 24 (one), Oct 25 (one) and Oct 27 (two); none on Oct 26
        sql("CREATE TABLE raw.schedule (game_id VARCHAR, game_date DATE, season VARCHAR, season_type VARCHAR,"
                + " home_team VARCHAR, away_team VARCHAR)");
        sql("INSERT INTO raw.schedule VALUES ('20231024_NYK_BOS', DATE '2023-10-24', '2023-24', 'regular', 'BOS', 'NYK'),"
                + " ('20231025_PHI_MIA', DATE '2023-10-25', '2023-24', 'regular', 'MIA', 'PHI'),"
                + " ('20231027_NYK_PHI', DATE '2023-10-27', '2023-24', 'regular', 'PHI', 'NYK'),"
                + " ('20231027_BOS_MIA', DATE '2023-10-27', '2023-24', 'regular', 'MIA', 'BOS')");
        // team rows: Oct 24 complete, Oct 25 one team short, Oct 27 absent
        sql("CREATE OR REPLACE TABLE analytics.team_offense_game_summary AS SELECT * FROM (VALUES"
                + " (DATE '2023-10-24', '20231024_NYK_BOS', 'BOS', 'NYK', TRUE),"
                + " (DATE '2023-10-24', '20231024_NYK_BOS', 'NYK', 'BOS', FALSE),"
                + " (DATE '2023-10-25', '20231025_PHI_MIA', 'MIA', 'PHI', TRUE))"
                + " AS t(game_date, game_id, team, opponent, is_home)");
        // players of Oct 24: 4 played (3 with usage, 4 with zones), 1 DNP, one id of the wrong date
        sql("CREATE OR REPLACE TABLE analytics.player_game_summary AS SELECT * FROM (VALUES"
                + " (DATE '2023-10-24', '20231024_NYK_BOS', 'BOS', 'NYK', TRUE, 30.0, 25.1, 5, 3, 2, NULL, TRUE),"
                + " (DATE '2023-10-24', '20231024_NYK_BOS', 'BOS', 'NYK', TRUE, 20.0, 18.0, 2, 1, 0, NULL, TRUE),"
                + " (DATE '2023-10-24', '20231024_NYK_BOS', 'NYK', 'BOS', FALSE, 25.0, 22.0, 4, 4, 1, NULL, TRUE),"
                + " (DATE '2023-10-24', '20231025_NYK_BOS', 'NYK', 'BOS', FALSE, 10.0, NULL, 1, 0, 0, NULL, TRUE),"
                + " (DATE '2023-10-24', '20231024_NYK_BOS', 'NYK', 'BOS', FALSE, NULL, NULL, NULL, NULL, NULL, 'Rest', FALSE))"
                + " AS t(game_date, game_id, team, opponent, is_home, minutes, usage_rate, paint_attempts,"
                + " mid_range_attempts, assisted_makes, dnp_reason, has_shot_zones)");
    }

    @AfterEach
    void close() {
        warehouse.close();
    }

    private void sql(String statement) {
        warehouse.update(statement, Map.of());
    }

    private Validation validate(Optional<Integer> phase) {
        return Validator.validate(warehouse, CATALOG, OCT_24, OCT_27, phase);
    }

    @Test
    void coverageCountsGameDatesOnlyAndSkipsBootstrapDays() {
        Validation v = validate(Optional.empty());

        TableCoverage team = v.coverage().get(0);
        assertThat(team.expected()).isEqualTo(3); // Oct 24, 25, 27: Oct 26 had no games
        assertThat(team.present()).isEqualTo(2);
        assertThat(team.missing()).containsExactly(OCT_27);
        TableCoverage zones = v.coverage().get(2);
        assertThat(zones.expected()).isEqualTo(1); // bootstrap: the season's first 2 days (Oct 24, 25)
        assertThat(zones.missing()).containsExactly(OCT_27); // table absent: nothing present
    }

    @Test
    void theRunbookFieldChecksCountWhatTheyClaim() {
        Map<String, FieldCheck> checks = new java.util.HashMap<>();
        validate(Optional.of(3)).fieldChecks().forEach(c -> checks.put(c.name(), c));

        assertThat(checks.get("usage_rate present")).extracting(FieldCheck::checked, FieldCheck::good).containsExactly(4L, 3L);
        assertThat(checks.get("usage_rate present").passed()).isFalse();
        assertThat(checks.get("shot-zone fields present").passed()).isTrue();
        assertThat(checks.get("minutes present")).extracting(FieldCheck::checked, FieldCheck::good).containsExactly(4L, 4L);
        assertThat(checks.get("game_id format")).extracting(FieldCheck::checked, FieldCheck::good).containsExactly(5L, 4L);
        // Oct 24 consistent; Oct 25 one team short; Oct 27 no rows at all
        assertThat(checks.get("teams per date match the schedule"))
                .extracting(FieldCheck::checked, FieldCheck::good).containsExactly(3L, 1L);
    }

    @Test
    void usageIsJudgedOverPlayerGamesOfAMinuteOrMoreWhereItIsDefined() {
        // a 30-second cameo: usage_rate is NULL by rule, and the check does not count it against the data
        sql("INSERT INTO analytics.player_game_summary VALUES (DATE '2023-10-24', '20231024_NYK_BOS', 'BOS', 'NYK',"
                + " TRUE, 0.5, NULL, 0, 0, 0, NULL, TRUE)");

        FieldCheck usage = validate(Optional.of(3)).fieldChecks().stream()
                .filter(c -> c.name().equals("usage_rate present")).findFirst().orElseThrow();

        assertThat(usage).extracting(FieldCheck::checked, FieldCheck::good).containsExactly(4L, 3L);
    }

    @Test
    void withoutShotEventsTheZoneCheckIsNotApplicableAndSaysHowManyFeatureRowsFellBack() {
        sql("UPDATE analytics.player_game_summary SET has_shot_zones = FALSE, paint_attempts = NULL");
        sql("CREATE OR REPLACE TABLE precompute.ml_feature_store_v2 AS SELECT * FROM (VALUES"
                + " (DATE '2023-10-27', TRUE), (DATE '2023-10-27', TRUE), (DATE '2023-10-27', FALSE))"
                + " AS t(game_date, zone_features_imputed)");

        Validation v = validate(Optional.of(3));
        FieldCheck zones = v.fieldChecks().stream()
                .filter(c -> c.name().equals("shot-zone fields present")).findFirst().orElseThrow();

        assertThat(zones.good()).isZero();
        assertThat(zones.passed()).isTrue();
        assertThat(zones.notApplicable()).isEqualTo("no shot events: 2 of 3 feature rows used the league-average fallback");
        assertThat(v.render()).contains("not applicable (no shot events: 2 of 3 feature rows used the league-average"
                + " fallback)");
    }

    @Test
    void withSomeShotEventsMissingZoneFieldsStillFail() {
        sql("UPDATE analytics.player_game_summary SET paint_attempts = NULL WHERE minutes < 30");

        FieldCheck zones = validate(Optional.of(3)).fieldChecks().stream()
                .filter(c -> c.name().equals("shot-zone fields present")).findFirst().orElseThrow();

        assertThat(zones.notApplicable()).isNull();
        assertThat(zones.passed()).isFalse();
    }

    @Test
    void aPhaseFilterKeepsItsTablesAndTheVerdictFollowsTheChecks() {
        Validation phase4 = validate(Optional.of(4));

        assertThat(phase4.coverage()).extracting(TableCoverage::processor).containsExactly("zones");
        assertThat(phase4.fieldChecks()).isEmpty();
        assertThat(phase4.passed()).isFalse();
        assertThat(phase4.render()).contains("MISSING 1 (first 2023-10-27)").doesNotContain("accuracy");
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> Validator.validate(warehouse, CATALOG, OCT_27, OCT_24, Optional.empty()))
                .hasMessage("validate: --to 2023-10-24 is before --from 2023-10-27");
    }

    @Test
    void stalePartitionsOfTheRangeAreCountedFromLineagePerProcessor() {
        // no lineage was ever recorded: every judged partition is stale, with rows (no lineage) or without (missing).
        // Judged: team and player on Oct 24, 25, 27 (3 + 3), zones on Oct 27 only (bootstrap): 7
        StalePartitions all = validate(Optional.empty()).stale();
        StalePartitions phase4 = validate(Optional.of(4)).stale();

        assertThat(all.judged()).isEqualTo(7);
        assertThat(all.stale()).isEqualTo(7);
        assertThat(all.byProcessor().get("team_offense_game_summary"))
                .isEqualTo(Map.of(StaleReason.Kind.NO_LINEAGE, 2, StaleReason.Kind.MISSING, 1));
        assertThat(phase4).isEqualTo(new StalePartitions(1, 1, Map.of("zones", Map.of(StaleReason.Kind.MISSING, 1))));
        assertThat(validate(Optional.of(4)).render())
                .contains("Stale partitions: 1 of 1 judged (by processor: zones 1)");
    }
}
