package fullcourt.loader;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.loader.announce.RawUpdateAnnouncer;
import fullcourt.loader.check.Rejection;
import fullcourt.loader.contract.RawContract;
import fullcourt.loader.stage.FileFormat;
import fullcourt.loader.stage.RawFile;
import fullcourt.loader.write.DateChange;
import fullcourt.loader.write.DuckDbRawPartitions;
import fullcourt.messages.RawUpdate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads into a DuckDB file: checks before writes, whole dates replaced, identical reloads left alone. */
class RawLoadTest {

    static final RawContract CONTRACT = RawContract.load();
    static final LocalDate JAN_5 = LocalDate.of(2022, 1, 5);
    static final LocalDate JAN_6 = LocalDate.of(2022, 1, 6);

    static final String SCHEDULE = """
            game_id,game_date,season,season_type,home_team,away_team
            20220105_BKN_MIL,2022-01-05,2021-22,regular,MIL,BKN
            20220105_LAL_GSW,2022-01-05,2021-22,regular,GSW,LAL
            20220106_BOS_NYK,2022-01-06,2021-22,regular,NYK,BOS
            """;
    static final String PLAYER_HEADER = "game_id,game_date,team,opponent,player_id,player_name,starter,minutes,points,"
            + "fgm,fga,fg3m,fg3a,ftm,fta,oreb,dreb,ast,stl,blk,tov,pf,plus_minus,dnp_reason\n";
    // points = 2 x fgm + fg3m + ftm: 2 x 10 + 3 + 5 = 28; 2 x 4 + 0 + 2 = 10; 2 x 6 + 2 + 1 = 15
    static final String PLAYERS = PLAYER_HEADER
            + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p1,Kevin Durant,true,36.5,28,10,20,3,7,5,6,1,7,5,1,1,3,2,4,\n"
            + "20220105_BKN_MIL,2022-01-05,MIL,BKN,p2,Jrue Holiday,true,34,10,4,12,0,3,2,2,0,4,8,2,0,1,3,-4,\n"
            + "20220105_BKN_MIL,2022-01-05,MIL,BKN,p3,Bench Player,false,,,,,,,,,,,,,,,,,Coach's decision\n"
            + "20220106_BOS_NYK,2022-01-06,BOS,NYK,p4,Jayson Tatum,true,38.0,15,6,18,2,9,1,2,1,8,4,1,0,2,2,6,\n";

    @TempDir
    Path dir;

    Connection connection;
    final List<RawUpdate> announced = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    LoadResult load(boolean dryRun, boolean skipBadRows, RawFile... files) throws SQLException {
        RawLoad load = new RawLoad(CONTRACT, connection, new DuckDbRawPartitions(connection, CONTRACT.tables()),
                new RawUpdateAnnouncer() {
                    @Override
                    public void announce(RawUpdate update) {
                        announced.add(update);
                    }
                });
        return load.run(List.of(files), dryRun, skipBadRows);
    }

    LoadResult load(RawFile... files) throws SQLException {
        return load(false, false, files);
    }

    RawFile csv(String table, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return new RawFile(file, CONTRACT.table(table).orElseThrow(), FileFormat.CSV);
    }

    long count(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void goodCsvFilesLoadEveryDateAsNewAndAnnounceIt() throws Exception {
        LoadResult result = load(csv("schedule", "schedule.csv", SCHEDULE), csv("player_box_scores", "p.csv", PLAYERS));

        assertThat(result.rejections()).isEmpty();
        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.WRITTEN);
        assertThat(result.changes()).containsExactly(
                new DateChange("raw.schedule", JAN_5, 0, 2, DateChange.Kind.NEW),
                new DateChange("raw.schedule", JAN_6, 0, 1, DateChange.Kind.NEW),
                new DateChange("raw.player_box_scores", JAN_5, 0, 3, DateChange.Kind.NEW),
                new DateChange("raw.player_box_scores", JAN_6, 0, 1, DateChange.Kind.NEW));
        assertThat(count("SELECT count(*) FROM raw.player_box_scores WHERE minutes IS NULL AND dnp_reason = 'Coach''s decision'"))
                .isEqualTo(1);
        assertThat(count("SELECT points FROM raw.player_box_scores WHERE player_id = 'p1'")).isEqualTo(28);
        assertThat(announced).containsExactly(
                RawUpdate.of("raw.schedule", List.of(JAN_5, JAN_6)).withSource(RawLoad.SOURCE),
                RawUpdate.of("raw.player_box_scores", List.of(JAN_5, JAN_6)).withSource(RawLoad.SOURCE));
    }

    @Test
    void parquetWrittenByDuckDbLoadsLikeItsCsv() throws Exception {
        load(csv("schedule", "schedule.csv", SCHEDULE));
        Path csv = dir.resolve("players.csv");
        Files.writeString(csv, PLAYERS);
        Path parquet = dir.resolve("players.parquet");
        try (Statement st = connection.createStatement()) {
            // typed columns, as a Parquet file from another tool would have them
            st.execute("COPY (SELECT * REPLACE (CAST(game_date AS DATE) AS game_date, CAST(starter AS BOOLEAN) AS starter,"
                    + " CAST(minutes AS DOUBLE) AS minutes, CAST(points AS INTEGER) AS points) FROM read_csv('" + csv
                    + "', all_varchar = true)) TO '" + parquet + "' (FORMAT parquet)");
        }

        LoadResult result = load(new RawFile(parquet, CONTRACT.table("player_box_scores").orElseThrow(), FileFormat.PARQUET));

        assertThat(result.rejections()).isEmpty();
        assertThat(result.changes()).extracting(DateChange::rowsLoaded).containsExactly(3L, 1L);
        assertThat(count("SELECT count(*) FROM raw.player_box_scores WHERE starter AND minutes = 36.5 AND points = 28"))
                .isEqualTo(1);
    }

    @Test
    void eachKindOfBadRowIsRejectedWithItsLineAndReasonAndNothingIsWritten() throws Exception {
        RawFile schedule = csv("schedule", "schedule.csv", SCHEDULE
                + "20220105_LAL_GSW,2022-01-05,2021-22,regular,GSW,LAL\n"      // line 5: duplicate key of line 3
                + "20220907_PHI_TOR,2022-09-07,2021-22,regular,TOR,PHI\n"      // line 6: outside 2021-08-01..2022-07-31
                + "2022-01-07_A_B,2022-01-07,2021-22,regular,CHI,DEN\n");      // line 7: game id format
        RawFile players = csv("player_box_scores", "p.csv", PLAYER_HEADER
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p1,Kevin Durant,true,abc,28,10,20,3,7,5,6,1,7,5,1,1,3,2,4,\n"
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p5,,true,12,2,1,1,0,0,0,0,0,1,0,0,0,0,1,2,\n"
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p6,Made Too Many,true,20,14,7,5,0,0,0,0,0,1,0,0,0,0,1,2,\n"
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p7,Iron Man,true,75,0,0,1,0,0,0,0,0,1,0,0,0,0,1,2,\n"
                + "20220108_CHA_ATL,2022-01-08,CHA,ATL,p8,No Game,true,20,2,1,2,0,0,0,0,0,1,0,0,0,0,1,2,\n"
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p9,Short Row\n"
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p10,Bad Points,true,20,9,1,2,0,0,0,0,0,1,0,0,0,0,1,2,\n"
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p11,Good Row,true,20,2,1,2,0,0,0,0,0,1,0,0,0,0,1,2,\n");

        LoadResult result = load(schedule, players);

        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.REFUSED);
        assertThat(result.rejections()).extracting(Rejection::toString).containsExactly(
                schedule.label() + ":3: key (game_id) = (20220105_LAL_GSW) appears 2 times in this load: "
                        + schedule.label() + ":3, " + schedule.label() + ":5",
                schedule.label() + ":5: key (game_id) = (20220105_LAL_GSW) appears 2 times in this load: "
                        + schedule.label() + ":3, " + schedule.label() + ":5",
                schedule.label() + ":6: game_date 2022-09-07 is outside season 2021-22 (2021-08-01 to 2022-07-31)",
                schedule.label() + ":7: game_id 2022-01-07_A_B is not YYYYMMDD_AWAY_HOME with three-letter team"
                        + " codes (e.g. 20220105_BKN_MIL)",
                players.label() + ":2: minutes: 'abc' is not a DOUBLE (number such as 31.5)",
                players.label() + ":3: player_name is required",
                players.label() + ":4: fgm 7 > fga 5",
                players.label() + ":5: minutes 75.0 outside 0..70",
                players.label() + ":6: game 20220108_CHA_ATL is not on the schedule (neither in this load's"
                        + " raw.schedule rows nor in the warehouse)",
                players.label() + ":7: malformed CSV record (missing columns: expected number of columns: 24 found: 6)",
                players.label() + ":8: points 9 <> 2 x fgm + fg3m + ftm = 2");
        assertThat(count("SELECT count(*) FROM raw.schedule")).isZero();
        assertThat(count("SELECT count(*) FROM raw.player_box_scores")).isZero();
        assertThat(announced).isEmpty();
    }

    @Test
    void skipBadRowsLoadsTheRowsThatPassed() throws Exception {
        load(csv("schedule", "schedule.csv", SCHEDULE));
        RawFile players = csv("player_box_scores", "p.csv", PLAYER_HEADER
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p6,Made Too Many,true,20,14,7,5,0,0,0,0,0,1,0,0,0,0,1,2,\n"
                + "20220105_BKN_MIL,2022-01-05,BKN,MIL,p11,Good Row,true,20,2,1,2,0,0,0,0,0,1,0,0,0,0,1,2,\n");

        LoadResult result = load(false, true, players);

        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.WRITTEN);
        assertThat(result.rejections()).extracting(Rejection::line).containsExactly(2L);
        assertThat(count("SELECT count(*) FROM raw.player_box_scores WHERE player_id = 'p11'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw.player_box_scores")).isEqualTo(1);
    }

    @Test
    void loadingTheSameFileAgainChangesAndAnnouncesNothing() throws Exception {
        RawFile schedule = csv("schedule", "schedule.csv", SCHEDULE);
        load(schedule);
        announced.clear();

        LoadResult again = load(schedule);

        assertThat(again.changes()).extracting(DateChange::kind)
                .containsExactly(DateChange.Kind.UNCHANGED, DateChange.Kind.UNCHANGED);
        assertThat(again.announced()).isEmpty();
        assertThat(announced).isEmpty();
        assertThat(count("SELECT count(*) FROM raw.schedule")).isEqualTo(3);
    }

    @Test
    void aFileForALoadedDateReplacesThatDateWhole() throws Exception {
        load(csv("schedule", "schedule.csv", SCHEDULE));
        announced.clear();
        // Jan 5 now holds one game instead of two; Jan 6 is not in the file and stays as it was
        RawFile corrected = csv("schedule", "jan5.csv", """
                game_id,game_date,season,season_type,home_team,away_team
                20220105_PHX_DAL,2022-01-05,2021-22,regular,DAL,PHX
                """);

        LoadResult result = load(corrected);

        assertThat(result.changes()).containsExactly(
                new DateChange("raw.schedule", JAN_5, 2, 1, DateChange.Kind.REPLACED));
        assertThat(count("SELECT count(*) FROM raw.schedule WHERE game_date = DATE '2022-01-05'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw.schedule WHERE game_id = '20220105_PHX_DAL'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM raw.schedule WHERE game_date = DATE '2022-01-06'")).isEqualTo(1);
        assertThat(announced).containsExactly(RawUpdate.of("raw.schedule", List.of(JAN_5)).withSource(RawLoad.SOURCE));
    }

    @Test
    void aDryRunSaysWhatItWouldDoAndWritesNothing() throws Exception {
        LoadResult result = load(true, false, csv("schedule", "schedule.csv", SCHEDULE));

        assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.DRY_RUN);
        assertThat(result.changes()).extracting(DateChange::kind).containsOnly(DateChange.Kind.NEW);
        assertThat(count("SELECT count(*) FROM raw.schedule")).isZero();
        assertThat(announced).isEmpty();
    }

    @Test
    void aFileMissingARequiredColumnIsRefusedWhole() throws Exception {
        RawFile schedule = csv("schedule", "schedule.csv", "game_id,game_date,season,home_team,away_team,venue\n"
                + "20220105_BKN_MIL,2022-01-05,2021-22,MIL,BKN,Fiserv Forum\n");

        LoadResult result = load(schedule);

        assertThat(result.rejections()).singleElement().satisfies(r -> {
            assertThat(r.wholeFile()).isTrue();
            assertThat(r.reason()).startsWith("unknown column 'venue'; required column season_type is missing");
        });
        assertThat(count("SELECT count(*) FROM raw.schedule")).isZero();
    }
}
