package fullcourt.predictions.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import fullcourt.engine.processor.InputDigests;
import fullcourt.engine.processor.Outcome;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.warehouse.DialectCheck;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlayerPropPredictionsTest {

    /** A Wednesday; its week's cutoff is Monday, Dec 4. */
    private static final LocalDate WEDNESDAY = LocalDate.of(2023, 12, 6);
    private static final LocalDate CUTOFF = LocalDate.of(2023, 12, 4);
    /** Oct 24 .. Dec 10: 48 days of 60 players, 2,460 rows before the cutoff (41 days). */
    private static final int DAYS = 48;

    private final MlFixture fixture = new MlFixture();
    private final PlayerPropPredictions processor = new PlayerPropPredictions();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theCutoffIsTheMondayOnOrBeforeTheDate() {
        assertThat(PlayerPropPredictions.cutoff(WEDNESDAY)).isEqualTo(CUTOFF);
        assertThat(PlayerPropPredictions.cutoff(CUTOFF)).isEqualTo(CUTOFF);
        assertThat(PlayerPropPredictions.cutoff(LocalDate.of(2023, 12, 10))).isEqualTo(CUTOFF);
    }

    @Test
    void theModelForADateNeverSawRowsOfThatDateOrLater() {
        // rows from the cutoff on score 500 points: a model that saw any would predict far above 30
        fixture.playDays(DAYS, points -> points);
        fixture.warehouse.update("UPDATE analytics.player_game_summary SET points = 500 WHERE game_date >= @c",
                Map.of("c", CUTOFF));

        fixture.predict(processor, WEDNESDAY);

        Map<String, Map<String, Object>> xgboost = fixture.predictions(WEDNESDAY, "xgboost");
        assertThat(xgboost).hasSize(MlFixture.PLAYERS);
        xgboost.values().forEach(row -> {
            assertThat((Double) row.get("predicted_points")).isBetween(0.0, 40.0);
            assertThat((LocalDate) row.get("training_to")).isEqualTo(CUTOFF.minusDays(1));
            assertThat((LocalDate) row.get("training_from")).isEqualTo(CUTOFF.minusDays(365));
            assertThat(row.get("training_rows")).isEqualTo(41L * MlFixture.PLAYERS); // Oct 24 .. Dec 3
        });
    }

    @Test
    void changingRowsOnOrAfterTheCutoffLeavesTheModelAsItWasAndAnEarlierRowDoesNot() {
        fixture.playDays(DAYS, points -> points);
        fixture.predict(processor, WEDNESDAY);
        Map<String, Map<String, Object>> before = fixture.predictions(WEDNESDAY, "xgboost");

        fixture.warehouse.update("UPDATE analytics.player_game_summary SET points = points + 7 WHERE game_date >= @c",
                Map.of("c", CUTOFF));
        PlayerPropPredictions restarted = new PlayerPropPredictions();
        fixture.predict(restarted, WEDNESDAY);
        Map<String, Map<String, Object>> after = fixture.predictions(WEDNESDAY, "xgboost");
        assertThat(after).isEqualTo(before);

        fixture.warehouse.update("UPDATE analytics.player_game_summary SET points = points + 7 WHERE game_date = @d",
                Map.of("d", CUTOFF.minusDays(1)));
        fixture.predict(restarted, WEDNESDAY);
        assertThat(fixture.predictions(WEDNESDAY, "xgboost").get("p0").get("model_version"))
                .isNotEqualTo(before.get("p0").get("model_version"))
                .asString().startsWith("xgb-v1-2023-12-04-");
    }

    @Test
    void theTrainedSystemBeatsTheMovingAverageWhenTheSeasonAverageCarriesTheSignal() {
        fixture.playDays(DAYS, points -> points);
        fixture.predict(processor, WEDNESDAY);

        double xgboost = mae(fixture.predictions(WEDNESDAY, "xgboost"), WEDNESDAY);
        double baseline = mae(fixture.predictions(WEDNESDAY, "moving_average"), WEDNESDAY);
        assertThat(xgboost).isLessThan(baseline);
    }

    @Test
    void theBaselineTheEnsembleAndTheCallsFollowTheirFormulas() {
        fixture.playDays(DAYS, points -> points);
        fixture.predict(processor, WEDNESDAY);

        Map<String, Object> features = fixture.warehouse.query("SELECT points_avg_last_10, points_line"
                + " FROM precompute.ml_feature_store_v2 WHERE game_date = @d AND player_id = 'p4'",
                Map.of("d", WEDNESDAY)).get(0);
        double lastTen = (Double) features.get("points_avg_last_10");
        double line = (Double) features.get("points_line");
        Map<String, Object> baseline = fixture.predictions(WEDNESDAY, "moving_average").get("p4");
        double ml = (Double) fixture.predictions(WEDNESDAY, "xgboost").get("p4").get("predicted_points");
        Map<String, Object> ensemble = fixture.predictions(WEDNESDAY, "ensemble").get("p4");

        assertThat((Double) baseline.get("predicted_points")).isEqualTo(lastTen);
        double blended = 0.65 * ml + 0.35 * lastTen;
        assertThat((Double) ensemble.get("predicted_points")).isCloseTo(blended, within(1e-9));
        assertThat((Double) ensemble.get("edge")).isCloseTo(blended - line, within(1e-9));
        String expectedCall = blended - line >= 1 ? "OVER" : blended - line <= -1 ? "UNDER" : "PASS";
        assertThat(ensemble.get("recommendation")).isEqualTo(expectedCall);
        // sigma = max(points_std_last_10 = 3, 4) = 4
        assertThat((Double) ensemble.get("confidence")).isCloseTo(Math.min(1, Math.abs(blended - line) / 8), within(1e-9));
        // p5 has no line: no call, confidence = predicted / (predicted + 4)
        Map<String, Object> noLine = fixture.predictions(WEDNESDAY, "moving_average").get("p5");
        double predicted = (Double) noLine.get("predicted_points");
        assertThat(noLine.get("recommendation")).isNull();
        assertThat(noLine.get("edge")).isNull();
        assertThat((Double) noLine.get("confidence")).isCloseTo(predicted / (predicted + 4), within(1e-9));
    }

    @Test
    void eachPlayerGetsTheModelsOwnScoreExactlyThroughTheScoreText() {
        fixture.playDays(DAYS, points -> points);
        fixture.predict(processor, WEDNESDAY);

        Map<String, Map<String, Object>> xgboost = fixture.predictions(WEDNESDAY, "xgboost");
        assertThat(xgboost).hasSize(MlFixture.PLAYERS);
        Map<Double, Long> distinct = new java.util.HashMap<>();
        xgboost.forEach((player, row) -> {
            double points = (Double) row.get("predicted_points");
            // the model scores in float: a text that did not read back as that double would not be a float
            assertThat((double) (float) points).as(player).isEqualTo(points);
            distinct.merge(points, 1L, Long::sum);
        });
        assertThat(distinct).as("players scored apart, not one score for all").hasSizeGreaterThan(1);
        // the same model trained apart scores p4's features as the row written for p4 says, to the bit
        TrainingSet set = TrainingSet.load(fixture.warehouse, new TrainingWindow(CUTOFF.minusDays(
                PlayerPropPredictions.TRAINING_DAYS), CUTOFF, "apart", TrainingWindow.UNCOUNTED, null));
        Map<String, Object> p4 = fixture.warehouse.query(PlayerPropPredictions.FEATURES_OF_DATE, Map.of("d", WEDNESDAY))
                .stream().filter(r -> r.get("player_id").equals("p4")).findFirst().orElseThrow();
        float[] x = new float[FeatureVector.SIZE];
        FeatureVector.copy(p4, x, 0);
        try (PointsModel model = PointsModel.train(set)) {
            assertThat(xgboost.get("p4").get("predicted_points")).isEqualTo((double) model.predict(x, 1)[0]);
        }
        assertThat(DialectCheck.violations(PlayerPropPredictions.withScores(PlayerPropPredictions.template(),
                PlayerPropPredictions.SCORES))).isEmpty();
    }

    @Test
    void anIdTheScoreTextCannotCarryFailsPermanentlyNamingIt() {
        fixture.playDays(DAYS, points -> points);
        fixture.warehouse.update("UPDATE precompute.ml_feature_store_v2 SET player_id = 'p1' || chr(31) || 'x'"
                + " WHERE game_date = @d AND player_id = 'p1'", Map.of("d", WEDNESDAY));

        assertThatThrownBy(() -> fixture.predict(processor, WEDNESDAY))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("has a player_id with a control character (U+001E or U+001F)")
                .hasMessageContaining("p1?x");
    }

    @Test
    void withTooFewTrainingRowsTheTrainedSystemPredictsNothingAndTheEnsembleIsTheBaseline() {
        // Nov 7 is the first day after bootstrap; its cutoff is Monday Nov 6: Oct 24 .. Nov 5 is
        // 13 days of 60 players, 780 rows < 2,000
        fixture.playDays(16, points -> points);
        LocalDate date = LocalDate.of(2023, 11, 7);

        assertThat(fixture.predict(processor, date)).isEqualTo(Outcome.written(3L * MlFixture.PLAYERS));

        Map<String, Object> xgboost = fixture.predictions(date, "xgboost").get("p3");
        assertThat(xgboost.get("predicted_points")).isNull();
        assertThat(xgboost.get("system_version")).isEqualTo("xgb-v1-untrained");
        assertThat(xgboost.get("recommendation")).isNull();
        assertThat(fixture.predictions(date, "ensemble").get("p3").get("predicted_points"))
                .isEqualTo(fixture.predictions(date, "moving_average").get("p3").get("predicted_points"));
    }

    @Test
    void aWeekTrainsOneModelAndARerunWritesTheSameRows() {
        fixture.playDays(DAYS, points -> points);
        fixture.predict(processor, WEDNESDAY);
        Map<String, Map<String, Object>> first = fixture.predictions(WEDNESDAY, "ensemble");
        fixture.predict(processor, WEDNESDAY.plusDays(1));
        fixture.predict(processor, WEDNESDAY);

        assertThat(fixture.predictions(WEDNESDAY, "ensemble")).isEqualTo(first);
        assertThat(processor.modelsTrained()).isEqualTo(1);
    }

    @Test
    void aCachedWeekReusesItsModelWithoutReadingTheTrainingRows() {
        fixture.playDays(DAYS, points -> points);
        fixture.predict(processor, WEDNESDAY);
        ReadRecorder thursday = new ReadRecorder(fixture.warehouse);

        fixture.predict(processor, WEDNESDAY.plusDays(1), thursday);

        assertThat(processor.modelsTrained()).isEqualTo(1);
        assertThat(thursday.queries()).contains(TrainingWindow.QUERY).doesNotContain(TrainingSet.QUERY);
        assertThat(modelVersion(WEDNESDAY.plusDays(1))).isEqualTo(modelVersion(WEDNESDAY));
    }

    @Test
    void underLineageAWeekIsKeyedByTheDigestsItSawAndTrainsTheModelTheChecksumWouldHaveKeyed() {
        fixture.playDays(DAYS, points -> points);
        Map<String, String> seen = new HashMap<>(Map.of(TrainingWindow.FEATURES, "60:a1", TrainingWindow.PLAYED, "60:b2"));
        List<String> asked = new ArrayList<>();
        InputDigests digests = (input, first, last) -> {
            asked.add(input + " " + first + ".." + last);
            return Optional.ofNullable(seen.get(input));
        };
        ReadRecorder wednesday = new ReadRecorder(fixture.warehouse);
        fixture.predict(processor, WEDNESDAY, wednesday, digests);

        // the window's dates exactly: the year before the cutoff, the cutoff excluded
        assertThat(asked).contains(TrainingWindow.FEATURES + " " + CUTOFF.minusDays(365) + ".." + CUTOFF.minusDays(1),
                TrainingWindow.PLAYED + " " + CUTOFF.minusDays(365) + ".." + CUTOFF.minusDays(1));
        assertThat(wednesday.queries()).doesNotContain(TrainingWindow.QUERY).contains(TrainingSet.QUERY);
        ReadRecorder thursday = new ReadRecorder(fixture.warehouse);
        fixture.predict(processor, WEDNESDAY.plusDays(1), thursday, digests);
        assertThat(thursday.queries()).doesNotContain(TrainingWindow.QUERY).doesNotContain(TrainingSet.QUERY);
        assertThat(processor.modelsTrained()).isEqualTo(1);
        String underLineage = modelVersion(WEDNESDAY);
        Map<String, Map<String, Object>> rows = fixture.predictions(WEDNESDAY, "xgboost");

        // keyed by the checksum query instead (no lineage): the same model, the same rows
        PlayerPropPredictions plain = new PlayerPropPredictions();
        fixture.predict(plain, WEDNESDAY);
        assertThat(modelVersion(WEDNESDAY)).isEqualTo(underLineage);
        assertThat(fixture.predictions(WEDNESDAY, "xgboost")).isEqualTo(rows);

        // an upstream partition of the window rewritten with other content: another digest, the rows read again
        fixture.warehouse.update("UPDATE analytics.player_game_summary SET points = points + 3"
                + " WHERE game_date = @d AND player_id = 'p7'", Map.of("d", CUTOFF.minusDays(3)));
        seen.put(TrainingWindow.PLAYED, "60:c3");
        fixture.predict(processor, WEDNESDAY.plusDays(1), fixture.warehouse, digests);
        assertThat(processor.modelsTrained()).isEqualTo(2);
        assertThat(modelVersion(WEDNESDAY.plusDays(1))).isNotEqualTo(underLineage);
    }

    @Test
    void underLineageALaterWeekReadsOnlyTheDatesItDoesNotHoldAndTrainsTheModelAWholeReadWould() {
        fixture.playDays(DAYS + 14, points -> points);
        // lineage's digest of a span: the same text while none of its dates' partitions is rewritten
        Map<LocalDate, Integer> rewrites = new HashMap<>();
        InputDigests digests = (input, first, last) -> Optional.of("60:" + input + first + ".." + last + "/"
                + rewrites.entrySet().stream().filter(e -> !e.getKey().isBefore(first) && !e.getKey().isAfter(last))
                .mapToInt(Map.Entry::getValue).sum());

        fixture.predict(processor, WEDNESDAY, fixture.warehouse, digests);
        assertThat(processor.trainingDatesRead()).as("the first window, whole").isEqualTo(365);

        LocalDate nextWeek = WEDNESDAY.plusDays(7);
        fixture.predict(processor, nextWeek, fixture.warehouse, digests);
        assertThat(processor.modelsTrained()).isEqualTo(2);
        assertThat(processor.trainingDatesRead()).as("the 7 dates the next window adds").isEqualTo(365 + 7);
        assertSameModelAsAWholeRead(nextWeek);

        // a partition inside both windows rewritten with other content: read again, with the dates up to the new ones
        LocalDate rewritten = CUTOFF.minusDays(3);
        fixture.warehouse.update("UPDATE analytics.player_game_summary SET points = points + 3"
                + " WHERE game_date = @d AND player_id = 'p7'", Map.of("d", rewritten));
        rewrites.put(rewritten, 1);
        LocalDate weekAfter = WEDNESDAY.plusDays(14);
        fixture.predict(processor, weekAfter, fixture.warehouse, digests);
        assertThat(processor.trainingDatesRead()).as("Dec 1 .. Dec 17, in one query")
                .isEqualTo(365 + 7 + ChronoUnit.DAYS.between(rewritten, CUTOFF.plusDays(14)));
        assertSameModelAsAWholeRead(weekAfter);
    }

    /** The date's xgboost model and rows are those of a processor reading its whole window (no lineage). */
    private void assertSameModelAsAWholeRead(LocalDate date) {
        String version = modelVersion(date);
        Map<String, Map<String, Object>> rows = fixture.predictions(date, "xgboost");
        PlayerPropPredictions whole = new PlayerPropPredictions();
        fixture.predict(whole, date);
        assertThat(whole.trainingDatesRead()).as("keyed by the checksum query: the window read whole").isEqualTo(365);
        assertThat(modelVersion(date)).as("version: cutoff and the training set's fingerprint").isEqualTo(version);
        assertThat(fixture.predictions(date, "xgboost")).isEqualTo(rows);
    }

    @Test
    void aDigestOverNoPartitionIsNotTrustedAndTheChecksumQueryDecides() {
        fixture.playDays(DAYS, points -> points);
        // lineage never saw the feature store written (loaded without it): "0:0"
        InputDigests digests = (input, first, last) -> Optional.of(input.equals(TrainingWindow.FEATURES) ? "0:0" : "60:b2");
        ReadRecorder wednesday = new ReadRecorder(fixture.warehouse);

        fixture.predict(processor, WEDNESDAY, wednesday, digests);

        assertThat(wednesday.queries()).contains(TrainingWindow.QUERY);
        assertThat(fixture.predictions(WEDNESDAY, "xgboost").get("p3").get("predicted_points")).isNotNull();
    }

    @Test
    void rewritingATrainingPartitionWithTheSameRowsInAnotherOrderKeepsTheModel() {
        fixture.playDays(DAYS, points -> points);
        fixture.predict(processor, WEDNESDAY);
        LocalDate rerun = CUTOFF.minusDays(2);
        fixture.warehouse.update("CREATE TABLE analytics.copy AS SELECT * FROM analytics.player_game_summary"
                + " WHERE game_date = @d", Map.of("d", rerun));
        fixture.warehouse.update("DELETE FROM analytics.player_game_summary WHERE game_date = @d", Map.of("d", rerun));
        fixture.warehouse.update("INSERT INTO analytics.player_game_summary SELECT * FROM analytics.copy"
                + " ORDER BY player_id DESC", Map.of());

        fixture.predict(processor, WEDNESDAY.plusDays(1));

        assertThat(processor.modelsTrained()).isEqualTo(1);
    }

    @Test
    void changingAValueOfATrainingRowRetrainsTheWeeksModel() {
        fixture.playDays(DAYS, points -> points);
        fixture.predict(processor, WEDNESDAY);
        String first = modelVersion(WEDNESDAY);

        // one feature of one row: the same row count
        fixture.warehouse.update("UPDATE precompute.ml_feature_store_v2 SET fatigue_score = fatigue_score + 0.25"
                + " WHERE game_date = @d AND player_id = 'p7'", Map.of("d", CUTOFF.minusDays(3)));
        ReadRecorder thursday = new ReadRecorder(fixture.warehouse);
        fixture.predict(processor, WEDNESDAY.plusDays(1), thursday);

        assertThat(processor.modelsTrained()).isEqualTo(2);
        assertThat(thursday.queries()).contains(TrainingSet.QUERY);
        String second = modelVersion(WEDNESDAY.plusDays(1));
        assertThat(second).isNotEqualTo(first);

        // two players' points swapped: the same count and the same sum of every column, other rows
        fixture.warehouse.update("UPDATE analytics.player_game_summary SET points = CASE player_id WHEN 'p10' THEN"
                + " (SELECT points FROM analytics.player_game_summary WHERE game_date = @d AND player_id = 'p50')"
                + " ELSE (SELECT points FROM analytics.player_game_summary WHERE game_date = @d AND player_id = 'p10') END"
                + " WHERE game_date = @d AND player_id IN ('p10', 'p50')", Map.of("d", CUTOFF.minusDays(5)));
        fixture.predict(processor, WEDNESDAY);

        assertThat(processor.modelsTrained()).isEqualTo(3);
        assertThat(modelVersion(WEDNESDAY)).isNotIn(first, second);
    }

    @Test
    void theTrainingQueriesStayInsideThePortableDialect() {
        assertThat(DialectCheck.violations(TrainingWindow.QUERY)).isEmpty();
        assertThat(DialectCheck.violations(TrainingSet.QUERY)).isEmpty();
    }

    @Test
    void aDayWithoutGamesIsSkipped() {
        fixture.playDays(DAYS, points -> points);
        fixture.warehouse.update("DELETE FROM raw.schedule WHERE game_date = @d", Map.of("d", WEDNESDAY));

        assertThat(fixture.predict(processor, WEDNESDAY)).isEqualTo(Outcome.skipped("no games on 2023-12-06"));
    }

    @Test
    void aGameDateWithoutFeatureRowsIsSkippedWithTheReasonAndWritesNothing() {
        fixture.playDays(DAYS, points -> points);
        fixture.warehouse.update("DELETE FROM precompute.ml_feature_store_v2 WHERE game_date = @d", Map.of("d", WEDNESDAY));

        assertThat(fixture.predict(processor, WEDNESDAY)).isEqualTo(Outcome.skipped("nothing to work from on 2023-12-06:"
                + " no rows in precompute.ml_feature_store_v2 (no player to predict)"));
        assertThat(fixture.warehouse.query("SELECT COUNT(*) AS n FROM predictions.player_prop_predictions"
                + " WHERE game_date = @d", Map.of("d", WEDNESDAY))).as("nothing written").containsExactly(Map.of("n", 0L));
        assertThat(DialectCheck.violations(PlayerPropPredictions.FEATURES_OF_DATE)).isEmpty();
    }

    @Test
    void aFeatureRowWithAMissingFeatureFailsPermanentlyNamingIt() {
        fixture.playDays(DAYS, points -> points);
        fixture.warehouse.update("UPDATE precompute.ml_feature_store_v2 SET paint_rate_last_10 = NULL"
                + " WHERE game_date = @d AND player_id = 'p1'", Map.of("d", WEDNESDAY));

        assertThatThrownBy(() -> fixture.predict(processor, WEDNESDAY))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("ml_feature_store_v2 row of 2023-12-06 has no value for feature 14 (paint_rate_last_10):"
                        + " the feature store must fill all 21 features");
    }

    private String modelVersion(LocalDate date) {
        return (String) fixture.predictions(date, "xgboost").get("p0").get("model_version");
    }

    private double mae(Map<String, Map<String, Object>> predictions, LocalDate date) {
        Map<String, Long> actual = new java.util.HashMap<>();
        fixture.warehouse.query("SELECT player_id, points FROM analytics.player_game_summary WHERE game_date = @d",
                Map.of("d", date)).forEach(r -> actual.put((String) r.get("player_id"), (Long) r.get("points")));
        return predictions.entrySet().stream()
                .mapToDouble(e -> Math.abs((Double) e.getValue().get("predicted_points") - actual.get(e.getKey())))
                .average().orElseThrow();
    }
}
