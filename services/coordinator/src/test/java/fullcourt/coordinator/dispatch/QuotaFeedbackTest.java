package fullcourt.coordinator.dispatch;

import static fullcourt.coordinator.TestCatalogs.declare;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.messages.DateWork;
import fullcourt.messages.Quota;
import fullcourt.messages.TaskEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaFeedbackTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");
    /** hot writes t.hot, cool writes t.cool; 8 in flight each, 16 globally. */
    private static final Catalog TWO_TABLES = Catalog.of(List.of(declare("hot", 3, 8), declare("cool", 3, 8)));
    private static final TaskKey HOT = new TaskKey("hot", D1);
    private static final DateWork HOT_WORK = DateWork.of("r", HOT.taskId(), "hot", D1, 1);

    private final AdaptiveLimit global = new AdaptiveLimit(16, true, 0.5, 2, Duration.ofSeconds(5));
    private final Scheduler scheduler = new Scheduler(TWO_TABLES, 16, TablePacing.none(),
            TableLimits.of(TWO_TABLES, 16, true, 0.5, 2, Duration.ofSeconds(5)));
    private final QuotaFeedback feedback = new QuotaFeedback(global, scheduler, TWO_TABLES);

    private static TaskEvent failed(Quota quota) {
        return TaskEvent.attemptFailed(HOT_WORK, 1, T0, "quota", !quota.daily(), 10, "v", quota);
    }

    @Test
    void aTableQuotaLowersThatTablesLimitOnly() {
        feedback.taskEvent(failed(Quota.table("t.hot", false, "table update operations")), HOT, T0);

        assertThat(scheduler.tableLimits().limit("t.hot")).isEqualTo(4);
        assertThat(scheduler.tableLimits().limit("t.cool")).isEqualTo(Integer.MAX_VALUE);
        assertThat(scheduler.globalLimit()).isEqualTo(16);
        assertThat(global.quotaErrors()).isZero();
    }

    @Test
    void aProjectQuotaAnUnscopedOneAndOneOfATableNoProcessorWritesLowerTheGlobalLimit() {
        feedback.taskEvent(failed(Quota.project(false, "concurrent queries")), HOT, T0);
        assertThat(scheduler.globalLimit()).isEqualTo(8);
        // an older sender's QUOTA without scope, after the cooldown
        feedback.taskEvent(TaskEvent.attemptFailed(HOT_WORK, 1, T0, "429", true, 10, "v", TaskEvent.QUOTA), HOT,
                T0.plusSeconds(5));
        assertThat(scheduler.globalLimit()).isEqualTo(4);
        feedback.taskEvent(failed(Quota.table("ops.partition_lineage", false, "table update operations")), HOT,
                T0.plusSeconds(10));
        assertThat(scheduler.globalLimit()).isEqualTo(2);
        assertThat(scheduler.tableLimits().views()).isEmpty();
    }

    @Test
    void aDailyQuotaChangesNoLimit() {
        feedback.taskEvent(failed(Quota.table("t.hot", true, "Number of partition modifications")), HOT, T0);
        feedback.taskEvent(failed(Quota.project(true, "QueryUsagePerDay")), HOT, T0.plusSeconds(5));

        assertThat(scheduler.globalLimit()).isEqualTo(16);
        assertThat(scheduler.tableLimits().views()).isEmpty();
    }

    @Test
    void successesRaiseTheLimitOfTheTableTheTaskWrote() {
        feedback.taskEvent(failed(Quota.table("t.hot", false, "table update operations")), HOT, T0);
        TaskKey cool = new TaskKey("cool", D1);
        DateWork coolWork = DateWork.of("r", cool.taskId(), "cool", D1, 1);

        feedback.taskEvent(TaskEvent.succeeded(coolWork, 1, T0, 1, 1, "v"), cool, T0.plusSeconds(1));
        feedback.taskEvent(TaskEvent.succeeded(coolWork, 1, T0, 1, 1, "v"), cool, T0.plusSeconds(1));
        assertThat(scheduler.tableLimits().limit("t.hot")).as("cool's successes say nothing of t.hot").isEqualTo(4);
        feedback.taskEvent(TaskEvent.succeeded(HOT_WORK, 1, T0, 1, 1, "v"), HOT, T0.plusSeconds(2));
        feedback.taskEvent(TaskEvent.succeeded(HOT_WORK, 1, T0, 1, 1, "v"), HOT, T0.plusSeconds(2));
        assertThat(scheduler.tableLimits().limit("t.hot")).isEqualTo(5);
    }
}
