package fullcourt.engine.faults;

import static fullcourt.engine.testing.Declarations.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.engine.catalog.ProcessorDeclaration;
import fullcourt.engine.processor.Cancellation;
import fullcourt.engine.processor.DailyQuotaExhausted;
import fullcourt.engine.processor.Outcome;
import fullcourt.messages.Quota;
import fullcourt.engine.processor.PermanentFailure;
import fullcourt.engine.processor.Processor;
import fullcourt.engine.processor.QuotaExceeded;
import fullcourt.engine.processor.RetryableFailure;
import fullcourt.engine.processor.TaskContext;
import fullcourt.engine.worker.TaskRunner;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    private static final LocalDate NOV_2 = LocalDate.of(2021, 11, 2);
    private static final LocalDate NOV_3 = LocalDate.of(2021, 11, 3);
    private static final ProcessorDeclaration SUMMARY = declaration("player_game_summary", 3);

    private final AtomicInteger runs = new AtomicInteger();
    private final Processor counting = new Processor() {
        @Override
        public String name() {
            return "player_game_summary";
        }

        @Override
        public Outcome process(TaskContext task) {
            runs.incrementAndGet();
            return Outcome.written(7);
        }
    };

    private static FaultConfig config(Map<String, String> properties) {
        // the "30s" form of durations is Quarkus's converter, as in the running services
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(FaultConfig.class)
                .withConverter(Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build();
        return config.getConfigMapping(FaultConfig.class);
    }

    private static TaskContext task(LocalDate date, int attempt) {
        return new TaskContext(SUMMARY, date, "run-1", attempt, null, new Cancellation());
    }

    @Test
    void offByDefaultAndTheProcessorIsLeftAsItIs() {
        FaultPlan plan = FaultPlan.from(config(Map.of()));

        assertThat(plan.active()).isFalse();
        assertThat(plan.around(counting)).isSameAs(counting);
        assertThat(plan.redeliverAfterSuccess(1)).isFalse();
    }

    @Test
    void failingDatesFailPermanentlyAndOtherDatesRun() throws Exception {
        FaultPlan plan = FaultPlan.from(config(Map.of("fullcourt.faults.fail", "player_game_summary:2021-11-02")));
        Processor faulty = plan.around(counting);

        assertThatThrownBy(() -> faulty.process(task(NOV_2, 1))).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("player_game_summary on 2021-11-02");
        assertThat(faulty.process(task(NOV_3, 1))).isEqualTo(Outcome.written(7));
        assertThat(runs).hasValue(1);
    }

    @Test
    void malformedEntriesAreAllNamed() {
        assertThatThrownBy(() -> FaultPlan.from(config(Map.of("fullcourt.faults.hang", "nocolon,p:2021-13-01"))))
                .hasMessageContaining("'nocolon'").hasMessageContaining("'p:2021-13-01'");
    }

    @Test
    void quotaErrorsHitAboutTheirRateAndTheSameAttemptsEveryTime() {
        FaultPlan plan = FaultPlan.from(config(Map.of("fullcourt.faults.quota-rate", "0.3", "fullcourt.faults.seed", "7")));
        FaultPlan again = FaultPlan.from(config(Map.of("fullcourt.faults.quota-rate", "0.3", "fullcourt.faults.seed", "7")));
        List<Boolean> draws = IntStream.range(0, 1000)
                .mapToObj(i -> plan.quotaError("run-1", "p", NOV_2.plusDays(i), 1)).toList();

        long hits = draws.stream().filter(b -> b).count();
        // 1000 draws at 30%: 300 expected, standard deviation sqrt(1000 * 0.3 * 0.7) = 14.5
        assertThat(hits).isBetween(250L, 350L);
        assertThat(IntStream.range(0, 1000).mapToObj(i -> again.quotaError("run-1", "p", NOV_2.plusDays(i), 1)).toList())
                .isEqualTo(draws);
    }

    @Test
    void aQuotaErrorIsARetryableFailureOfItsOwnType() {
        FaultPlan plan = FaultPlan.from(config(Map.of("fullcourt.faults.quota-rate", "1")));

        assertThatThrownBy(() -> plan.around(counting).process(task(NOV_2, 1))).isInstanceOf(QuotaExceeded.class)
                .isInstanceOf(RetryableFailure.class).hasMessageContaining("rateLimitExceeded");
    }

    @Test
    void tableQuotaErrorsHitOnlyTheNamedProcessorsTable() throws Exception {
        FaultPlan plan = FaultPlan.from(config(Map.of("fullcourt.faults.table-quota", "player_game_summary",
                "fullcourt.faults.table-quota-rate", "1")));
        ProcessorDeclaration other = declaration("team_offense_game_summary", 3);

        assertThatThrownBy(() -> plan.around(counting).process(task(NOV_2, 1))).isInstanceOfSatisfying(
                QuotaExceeded.class, q -> assertThat(q.quota()).isEqualTo(Quota.table(SUMMARY.table(), false,
                        "table update operations for this table")));
        assertThat(plan.tableQuotaError("run-1", other.name(), NOV_2, 1)).isFalse();
        assertThat(plan.quotaError("run-1", SUMMARY.name(), NOV_2, 1)).isFalse();
    }

    @Test
    void aDailyQuotaDateFailsPermanentlyNamingTheQuota() throws Exception {
        FaultPlan plan = FaultPlan.from(config(Map.of("fullcourt.faults.daily-quota", "player_game_summary:2021-11-02")));
        Processor faulty = plan.around(counting);

        assertThatThrownBy(() -> faulty.process(task(NOV_2, 1))).isInstanceOfSatisfying(DailyQuotaExhausted.class,
                d -> assertThat(d.quota().daily()).isTrue()).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("Number of partition modifications");
        assertThat(faulty.process(task(NOV_3, 1))).isEqualTo(Outcome.written(7));
    }

    @Test
    void aHangingFirstAttemptEndsAtTheDeadlineAndTheSecondAttemptRuns() {
        FaultPlan plan = FaultPlan.from(config(Map.of("fullcourt.faults.hang", "player_game_summary:2021-11-02",
                "fullcourt.faults.hang-for", "30s")));
        TaskRunner runner = new TaskRunner(null, Executors.newCachedThreadPool(), Duration.ofMillis(200));
        Processor faulty = plan.around(counting);

        assertThatThrownBy(() -> runner.run(faulty, SUMMARY, NOV_2, "run-1", 1)).isInstanceOf(RetryableFailure.class)
                .hasMessageContaining("exceeded its deadline");
        assertThat(runner.run(faulty, SUMMARY, NOV_2, "run-1", 2)).isEqualTo(Outcome.written(7));
        assertThat(runs).hasValue(1);
    }

    @Test
    void haltsAfterTheNthRunOnceItsPartitionIsWritten() throws Exception {
        FaultPlan plan = FaultPlan.from(config(Map.of("fullcourt.faults.halt-after-tasks", "3")));
        AtomicInteger halts = new AtomicInteger();
        Processor faulty = new FaultyProcessor(counting, plan, halts::incrementAndGet);

        faulty.process(task(NOV_2, 1));
        faulty.process(task(NOV_2, 1));
        assertThat(halts).hasValue(0);
        faulty.process(task(NOV_3, 1));
        assertThat(runs).hasValue(3);
        assertThat(halts).hasValue(1);
    }

    @Test
    void redeliversOnlyTheFirstDelivery() {
        FaultPlan plan = FaultPlan.from(config(Map.of("fullcourt.faults.redeliver-succeeded", "true")));

        assertThat(Set.of(plan.redeliverAfterSuccess(1), plan.redeliverAfterSuccess(2))).containsExactlyInAnyOrder(true, false);
    }
}
