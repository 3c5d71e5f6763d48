package fullcourt.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.RetryableFailure;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatencyWarehouseTest {

    private final DuckDbWarehouse duckdb = DuckDbWarehouse.open(":memory:");
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void close() {
        duckdb.close();
    }

    @Test
    void parsesOffAFixedWaitAndARange() {
        assertThat(SimulatedLatency.parse("off").isOff()).isTrue();
        assertThat(SimulatedLatency.parse("2s")).isEqualTo(new SimulatedLatency(Duration.ofSeconds(2), Duration.ofSeconds(2)));
        assertThat(SimulatedLatency.parse("500ms..1.5s"))
                .isEqualTo(new SimulatedLatency(Duration.ofMillis(500), Duration.ofMillis(1500)));
        assertThatThrownBy(() -> SimulatedLatency.parse("fast"))
                .hasMessage("fullcourt.warehouse.latency: expected 'off', a duration like '2s' or '500ms', or a range"
                        + " like '1s..4s', got 'fast'");
        assertThatThrownBy(() -> SimulatedLatency.parse("4s..1s")).hasMessageContaining("must have 0 <= min <= max");
    }

    @Test
    void aRangeDrawsEachWaitInsideIt() {
        SimulatedLatency range = SimulatedLatency.parse("100ms..300ms");
        for (int i = 0; i < 200; i++) {
            assertThat(range.next()).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
        }
    }

    @Test
    void everyStatementWaitsOnceThenRunsOnTheWarehouse() {
        Warehouse slow = new LatencyWarehouse(duckdb, SimulatedLatency.parse("2s"), new Cancellation(),
                (wait, cancellation) -> waits.add(wait));

        slow.update("CREATE TABLE analytics.t (game_date DATE, n BIGINT)", Map.of());
        long rows = slow.replacePartition("analytics.t", "game_date", LocalDate.of(2024, 1, 2),
                "SELECT @game_date AS game_date, 7 AS n", Map.of("game_date", LocalDate.of(2024, 1, 2)), new Cancellation());
        List<Map<String, Object>> read = slow.query("SELECT n FROM analytics.t", Map.of());

        assertThat(rows).isEqualTo(1);
        assertThat(read).containsExactly(Map.of("n", 7L));
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void offIsTheWarehouseItself() {
        assertThat(LatencyWarehouse.around(duckdb, SimulatedLatency.OFF, new Cancellation())).isSameAs(duckdb);
    }

    @Test
    void theTasksCancellationEndsAWaitEarlyAsARetryableFailure() throws InterruptedException {
        Cancellation cancellation = new Cancellation();
        Warehouse slow = LatencyWarehouse.around(duckdb, SimulatedLatency.parse("1m"), cancellation);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread querying = new Thread(() -> {
            try {
                slow.query("SELECT 1 AS one", Map.of());
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        querying.start();
        cancellation.cancel();
        querying.join(Duration.ofSeconds(30).toMillis());

        assertThat(querying.isAlive()).as("the wait ended with the cancellation, long before its minute").isFalse();
        assertThat(failure.get()).isInstanceOf(RetryableFailure.class).hasMessageContaining("deadline");
    }
}
