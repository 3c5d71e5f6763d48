package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DialectCheckTest {

    /** Uses most of the subset at once; it must pass the check and run on DuckDB. */
    static final String PORTABLE_MODEL = """
            -- Grain: one row per player per game date. Uses most of the portable subset.
            WITH games AS (
                SELECT 'p1' AS player_id, DATE '2022-01-29' AS game_date, 30 AS points, 36.5 AS minutes, 'BOS' AS team
                UNION ALL SELECT 'p1', DATE '2022-01-31', 25, 34.0, 'BOS'
                UNION ALL SELECT 'p2', DATE '2022-01-31', 0, NULL, 'BOS'
            ),
            last_games AS (
                SELECT
                    player_id,
                    game_date,
                    points,
                    minutes,
                    LAG(game_date) OVER (PARTITION BY player_id ORDER BY game_date) AS previous_game_date,
                    AVG(points) OVER (PARTITION BY player_id ORDER BY game_date
                        ROWS BETWEEN 9 PRECEDING AND CURRENT ROW) AS points_avg_10,
                    ROW_NUMBER() OVER (PARTITION BY player_id ORDER BY game_date DESC NULLS LAST) AS recency
                FROM games
                WHERE game_date <= @game_date
            )
            SELECT
                player_id,
                game_date,
                CAST(points AS INT64) AS points,
                CAST(ROUND(points_avg_10) AS INT64) AS points_avg_rounded,
                ops.days_between(game_date, previous_game_date) AS rest_days,
                ops.add_days(game_date, -1) AS day_before,
                ops.safe_div(points, minutes) AS points_per_minute,
                COALESCE(minutes, 0) AS minutes_played,
                NULLIF(points, 0) AS scoring_points,
                CASE WHEN ops.days_between(game_date, previous_game_date) = 1 THEN TRUE ELSE FALSE END AS back_to_back,
                IF(minutes IS NULL, 'dnp', 'played') AS status,
                'player:' || player_id AS player_key,
                MOD(CAST(points AS INT64), 2) AS odd_points,
                EXTRACT(YEAR FROM game_date) AS game_year,
                GREATEST(COALESCE(points, 0), 0) AS floor_points,
                LN(2.0) AS ln_two,
                CAST(game_date AS STRING) AS game_date_text
            FROM last_games
            WHERE recency = 1 AND player_id IN (SELECT player_id FROM games EXCEPT DISTINCT SELECT 'nobody')""";

    @Test
    void portableModelPassesTheCheckAndRunsOnDuckDb() {
        assertThat(DialectCheck.violations(PORTABLE_MODEL)).isEmpty();

        try (DuckDbWarehouse duck = DuckDbWarehouse.open(":memory:")) {
            List<Map<String, Object>> rows = duck.query(PORTABLE_MODEL + " ORDER BY player_id",
                    Map.of("game_date", LocalDate.of(2022, 1, 31)));
            assertThat(rows).hasSize(2);
            Map<String, Object> p1 = rows.get(0);
            assertThat(p1).containsEntry("rest_days", 2L)                      // Jan 29 -> Jan 31
                    .containsEntry("day_before", LocalDate.of(2022, 1, 30))
                    .containsEntry("points_avg_rounded", 28L)                  // (30 + 25) / 2 = 27.5 -> 28
                    .containsEntry("back_to_back", false)
                    .containsEntry("player_key", "player:p1");
            assertThat((Double) p1.get("points_per_minute")).isCloseTo(25 / 34.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(rows.get(1)).containsEntry("points_per_minute", null).containsEntry("status", "dnp");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "SELECT x::DATE AS d FROM raw.t | '::' cast",
            "SELECT `x` FROM raw.t | backtick",
            "SELECT \"x\" FROM raw.t | double quotes",
            "SELECT x FROM raw.t; | one statement",
            "SELECT DATE_DIFF(a, b, DAY) AS d FROM raw.t | ops.days_between",
            "SELECT DATEDIFF('day', a, b) AS d FROM raw.t | ops.days_between",
            "SELECT DATE_ADD(a, INTERVAL 1 DAY) AS d FROM raw.t | ops.add_days",
            "SELECT DATE_SUB(a, INTERVAL 1 DAY) AS d FROM raw.t | ops.add_days",
            "SELECT a + INTERVAL 1 DAY AS d FROM raw.t | INTERVAL",
            "SELECT SAFE_DIVIDE(a, b) AS r FROM raw.t | ops.safe_div",
            "SELECT IFF(a > 0, 1, 0) AS r FROM raw.t | IFF",
            "SELECT a FROM raw.t WHERE a ILIKE 'x%' | ILIKE",
            "SELECT LIST(a) AS l FROM raw.t | arrays",
            "SELECT ARRAY_AGG(a) AS l FROM raw.t | arrays",
            "SELECT STRUCT(a, b) AS s FROM raw.t | arrays and structs",
            "SELECT * EXCLUDE (a) FROM raw.t | EXCLUDE",
            "SELECT * EXCEPT (a) FROM raw.t | EXCLUDE/EXCEPT",
            "SELECT a FROM raw.t QUALIFY ROW_NUMBER() OVER (ORDER BY a) = 1 | QUALIFY",
            "SELECT COUNT(*) FILTER (WHERE a > 0) AS n FROM raw.t | FILTER",
            "SELECT a FROM raw.t UNION SELECT a FROM raw.u | UNION ALL or UNION DISTINCT",
            "SELECT a FROM raw.t EXCEPT SELECT a FROM raw.u | EXCEPT DISTINCT",
            "SELECT CAST(a AS DOUBLE) AS f FROM raw.t | type name",
            "SELECT CAST(a AS FLOAT64) AS f FROM raw.t | type name",
            "SELECT CAST(a AS INTEGER) AS f FROM raw.t | type name",
            "SELECT CAST(a AS VARCHAR) AS f FROM raw.t | type name",
            "SELECT a % 2 AS r FROM raw.t | MOD(a, b)",
            "SELECT a // 2 AS r FROM raw.t | integer division",
            "SELECT LOG(a) AS r FROM raw.t | LN(x)",
            "SELECT CONCAT(a, b) AS r FROM raw.t | a || b",
            "SELECT EXTRACT(DAYOFWEEK FROM a) AS r FROM raw.t | week numbering",
            "SELECT CURRENT_DATE AS r FROM raw.t | non-deterministic",
            "SELECT TRY_CAST(a AS INT64) AS r FROM raw.t | SAFE_CAST",
            "SELECT a FROM raw.t WHERE a == 1 | '=='",
            "SELECT a AS rows FROM raw.t | reserved",
            "SELECT a FROM my-project.raw.t | three-part",
            "SELECT a FROM myproject.raw.t | three-part",
            "SELECT a FROM staging.t | unknown dataset",
            "SELECT a FROM raw.t$20220131 | partition decorators",
            "SELECT @@project_id AS p | system variables"})
    void forbiddenConstructIsReported(String sql, String expectedHint) {
        assertThat(DialectCheck.violations(sql)).anySatisfy(v -> assertThat(v).contains(expectedHint));
    }

    @Test
    void quoteInsideAStringLiteralIsReported() {
        assertThat(DialectCheck.violations("SELECT a FROM raw.t WHERE reason = 'Coach''s decision'"))
                .singleElement().asString().contains("quote inside a string literal");
    }

    @Test
    void commentsAndStringLiteralsDoNotTrigger() {
        String sql = """
                -- DATE_DIFF and SAFE_DIVIDE in a comment; "quoted"; 50% of x :: y
                /* QUALIFY, INTERVAL 1 DAY, `ticks`; */
                SELECT a FROM raw.t WHERE b LIKE 'abc%' AND c = 'a::b; UNION \"x\"'""";
        assertThat(DialectCheck.violations(sql)).isEmpty();
    }

    @Test
    void extractAndIsDistinctFromAreNotTableReferences() {
        assertThat(DialectCheck.violations(
                "SELECT EXTRACT(YEAR FROM s.game_date) AS y FROM raw.schedule AS s WHERE s.a IS DISTINCT FROM s.b"))
                .isEmpty();
    }

    @Test
    void violationsNameTheirLine() {
        assertThat(DialectCheck.violations("SELECT a\nFROM raw.t\nWHERE b ILIKE 'x'"))
                .singleElement().asString().startsWith("line 3: ILIKE");
    }
}
