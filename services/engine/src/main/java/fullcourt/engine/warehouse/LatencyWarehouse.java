package fullcourt.engine.warehouse;

import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.RetryableFailure;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One task's view of the warehouse with {@link SimulatedLatency} before each statement. The wait
 * ends early when the task is cancelled (its deadline passed), like a real slow query would. Metadata calls
 * ({@code tableExists}, {@code columns}) are forwarded without waiting.
 */
public final class LatencyWarehouse extends ForwardingWarehouse {

    /** How a wait is spent; tests record it instead. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration wait, Cancellation cancellation);
    }

    /** Waits on a latch the cancellation releases. */
    public static final Pause REAL = (wait, cancellation) -> {
        CountDownLatch cancelled = new CountDownLatch(1);
        try (AutoCloseable hook = cancellation.onCancel(cancelled::countDown)) {
            cancelled.await(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryableFailure("interrupted during simulated warehouse latency", e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        cancellation.check();
    };

    private final SimulatedLatency latency;
    private final Cancellation cancellation;
    private final Pause pause;

    public LatencyWarehouse(Warehouse delegate, SimulatedLatency latency, Cancellation cancellation, Pause pause) {
        super(delegate);
        this.latency = latency;
        this.cancellation = cancellation;
        this.pause = pause;
    }

    /** {@code delegate} itself when the latency is off. */
    public static Warehouse around(Warehouse delegate, SimulatedLatency latency, Cancellation cancellation) {
        return latency.isOff() ? delegate : new LatencyWarehouse(delegate, latency, cancellation, REAL);
    }

    private void waitForTheWarehouse() {
        pause.pause(latency.next(), cancellation);
    }

    @Override
    public long replacePartition(String table, String partitionColumn, LocalDate date, String selectSql,
                                 Map<String, Object> params, Cancellation taskCancellation, WriteBracket bracket) {
        waitForTheWarehouse();
        return super.replacePartition(table, partitionColumn, date, selectSql, params, taskCancellation, bracket);
    }

    @Override
    public void clearPartition(String table, String partitionColumn, LocalDate date, Cancellation taskCancellation,
                               WriteBracket bracket) {
        waitForTheWarehouse();
        super.clearPartition(table, partitionColumn, date, taskCancellation, bracket);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, Object> params) {
        waitForTheWarehouse();
        return super.query(sql, params);
    }

    @Override
    public long update(String sql, Map<String, Object> params) {
        waitForTheWarehouse();
        return super.update(sql, params);
    }

    @Override
    public void updateBatch(String sql, List<Map<String, Object>> paramSets) {
        waitForTheWarehouse();
        super.updateBatch(sql, paramSets);
    }

    @Override
    public boolean appendIf(String table, List<Column> columns, List<Map<String, Object>> rows, String condition,
                            Map<String, Object> conditionParams) {
        waitForTheWarehouse();
        return super.appendIf(table, columns, rows, condition, conditionParams);
    }
}
