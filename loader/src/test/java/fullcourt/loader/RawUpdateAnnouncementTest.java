package fullcourt.loader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.PushConfig;
import com.google.pubsub.v1.ReceivedMessage;
import fullcourt.infra.PubSubConnection;
import fullcourt.infra.testing.RunningEmulator;
import fullcourt.loader.announce.PubSubRawUpdates;
import fullcourt.loader.contract.RawContract;
import fullcourt.loader.stage.FileFormat;
import fullcourt.loader.stage.RawFile;
import fullcourt.loader.write.DuckDbRawPartitions;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RawUpdate;
import fullcourt.messages.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The announcement on the real Pub/Sub emulator: exactly the dates a load changed, nothing for an unchanged reload. */
class RawUpdateAnnouncementTest {

    private static final String PROJECT = "fullcourt-loader-test";
    private static final RawContract CONTRACT = RawContract.load();

    private static RunningEmulator pubsub;

    private final Topics topics = RunningEmulator.freshTopics();

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() {
        pubsub = RunningEmulator.start(PROJECT);
    }

    @AfterAll
    static void stopEmulator() {
        if (pubsub != null) {
            pubsub.close();
        }
    }

    private String subscribe() {
        PubSubConnection c = pubsub.connection();
        c.topicAdmin().createTopic(c.topic(topics.rawUpdates()));
        String subscription = topics.rawUpdates() + "-probe";
        c.subscriptionAdmin().createSubscription(c.subscription(subscription), c.topic(topics.rawUpdates()),
                PushConfig.getDefaultInstance(), 10);
        return subscription;
    }

    private List<ReceivedMessage> pull(String subscription) {
        PubSubConnection c = pubsub.connection();
        PullResponse pulled = c.subscriptionAdmin().pull(c.subscription(subscription), 10);
        if (pulled.getReceivedMessagesCount() > 0) {
            c.subscriptionAdmin().acknowledge(c.subscription(subscription),
                    pulled.getReceivedMessagesList().stream().map(ReceivedMessage::getAckId).toList());
        }
        return pulled.getReceivedMessagesList();
    }

    private LoadResult load(Connection connection, Path file) throws Exception {
        RawLoad load = new RawLoad(CONTRACT, connection, new DuckDbRawPartitions(connection, CONTRACT.tables()),
                new PubSubRawUpdates(pubsub.connection(), topics.rawUpdates()));
        return load.run(List.of(new RawFile(file, CONTRACT.table("schedule").orElseThrow(), FileFormat.CSV)), false, false);
    }

    @Test
    void announcesExactlyTheChangedDatesAndNothingForAnUnchangedReload() throws Exception {
        String subscription = subscribe();
        Path first = dir.resolve("schedule.csv");
        Files.writeString(first, RawLoadTest.SCHEDULE);
        // Jan 6 as loaded before; Jan 5 with a game less; Jan 7 new
        Path second = dir.resolve("schedule-2.csv");
        Files.writeString(second, """
                game_id,game_date,season,season_type,home_team,away_team
                20220105_BKN_MIL,2022-01-05,2021-22,regular,MIL,BKN
                20220106_BOS_NYK,2022-01-06,2021-22,regular,NYK,BOS
                20220107_DEN_CHI,2022-01-07,2021-22,regular,CHI,DEN
                """);
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            load(connection, first);
            List<ReceivedMessage> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> received.addAll(pull(subscription)));
            assertThat(received).singleElement().satisfies(m -> {
                assertThat(MessageCodec.decode(m.getMessage().getData().toByteArray(), RawUpdate.class).dates())
                        .containsExactly(LocalDate.of(2022, 1, 5), LocalDate.of(2022, 1, 6));
                assertThat(m.getMessage().getAttributesMap())
                        .containsEntry("table", "raw.schedule").containsEntry("source", RawLoad.SOURCE);
            });

            LoadResult unchanged = load(connection, first);
            LoadResult corrected = load(connection, second);

            assertThat(unchanged.announced()).isEmpty();
            received.clear();
            await().atMost(Duration.ofSeconds(20)).until(() -> received.addAll(pull(subscription)));
            // the unchanged reload published nothing: the one message is the correction's, without Jan 6
            assertThat(received).singleElement().satisfies(m -> assertThat(
                    MessageCodec.decode(m.getMessage().getData().toByteArray(), RawUpdate.class))
                    .isEqualTo(RawUpdate.of("raw.schedule", List.of(LocalDate.of(2022, 1, 5), LocalDate.of(2022, 1, 7)))
                            .withSource(RawLoad.SOURCE)));
            assertThat(corrected.announced()).containsEntry("raw.schedule",
                    List.of(LocalDate.of(2022, 1, 5), LocalDate.of(2022, 1, 7)));
        }
    }

    @Test
    void anUnreachablePubSubIsReportedAndTheLoadStillWrites() throws Exception {
        Path file = dir.resolve("schedule.csv");
        Files.writeString(file, RawLoadTest.SCHEDULE);
        Class.forName("org.duckdb.DuckDBDriver");
        // a topic that was never created: the publish fails as it would against a Pub/Sub without the topology
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("w.duckdb"))) {
            LoadResult result = load(connection, file);

            assertThat(result.outcome()).isEqualTo(LoadResult.Outcome.WRITTEN);
            assertThat(result.announcementFailed()).isTrue();
            assertThat(result.announcement()).startsWith("not announced: cannot publish to " + topics.rawUpdates());
            try (var st = connection.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM raw.schedule")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
            }
        }
    }
}
