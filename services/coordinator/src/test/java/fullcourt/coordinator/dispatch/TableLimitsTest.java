package fullcourt.coordinator.dispatch;

import static fullcourt.coordinator.TestCatalogs.declare;
import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.messages.BackfillRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableLimitsTest {

    private static final LocalDate D1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    /** Two independent processors, each writing its own table (t.hot, t.cool), 8 in flight each, 16 globally. */
    private static final Catalog TWO_TABLES = Catalog.of(List.of(declare("hot", 3, 8), declare("cool", 3, 8)));

    private static TableLimits limits() {
        // the global limit's parameters: halve on a quota error (once per 5 s), +1 after 2 successes
        return TableLimits.of(TWO_TABLES, 16, true, 0.5, 2, Duration.ofSeconds(5));
    }

    private static Scheduler scheduler(TableLimits limits, int days) {
        Scheduler s = new Scheduler(TWO_TABLES, 16, TablePacing.none(), limits);
        BackfillRequest r = BackfillRequest.forRange("r", D1, D1.plusDays(days - 1)).withPhases(List.of(3));
        s.addRun("r", r, T0, new Planner(TWO_TABLES).plan(r, k -> false, SeasonCalendar.EMPTY));
        return s;
    }

    private static long dispatchedOf(List<Dispatch> chosen, String processor) {
        return chosen.stream().filter(d -> d.task().processor().equals(processor)).count();
    }

    private static void dispatch(Scheduler s, List<Dispatch> chosen) {
        for (Dispatch d : chosen) {
            s.apply(LedgerEvent.task("r", d.task(), LedgerEventType.DISPATCHED, d.dispatch(), 0, T0, null));
        }
    }

    @Test
    void aTableWithoutQuotaErrorsHasNoLimitOfItsOwn() {
        TableLimits limits = limits();

        assertThat(limits.limit("t.hot")).isEqualTo(Integer.MAX_VALUE);
        assertThat(limits.configured("t.hot")).as("its processor's concurrency, under the global 16").isEqualTo(8);
        assertThat(limits.views()).isEmpty();
        assertThat(limits.knows("t.hot")).isTrue();
        assertThat(limits.knows("ops.partition_lineage")).as("no processor writes it").isFalse();
    }

    @Test
    void aHotTablesErrorsLowerItsLimitOnlyAndRecoverWithItsSuccesses() {
        TableLimits limits = limits();

        // 8 -> 4 at the first error; the second within the 5 s cooldown changes nothing; 4 -> 2 after it
        assertThat(limits.onQuotaError("t.hot", T0, "hot/2022-01-01")).map(AdaptiveLimit.Change::to).contains(4);
        assertThat(limits.onQuotaError("t.hot", T0.plusSeconds(1), "hot/2022-01-02")).isEmpty();
        assertThat(limits.onQuotaError("t.hot", T0.plusSeconds(5), "hot/2022-01-03")).map(AdaptiveLimit.Change::to)
                .contains(2);
        assertThat(limits.limit("t.hot")).isEqualTo(2);
        assertThat(limits.limit("t.cool")).isEqualTo(Integer.MAX_VALUE);
        // two successes of the hot table raise it by one; the cool table's successes do nothing to it
        limits.onSuccess("t.cool", T0.plusSeconds(6));
        limits.onSuccess("t.cool", T0.plusSeconds(6));
        assertThat(limits.limit("t.hot")).isEqualTo(2);
        limits.onSuccess("t.hot", T0.plusSeconds(7));
        assertThat(limits.onSuccess("t.hot", T0.plusSeconds(7))).map(AdaptiveLimit.Change::to).contains(3);
        assertThat(limits.views()).containsOnlyKeys("t.hot");
        assertThat(limits.views().get("t.hot")).isEqualTo(new TableLimits.View("t.hot", 3, 8, 3));
    }

    @Test
    void aTableNoProcessorWritesIsNotLimitedHere() {
        TableLimits limits = limits();

        assertThat(limits.onQuotaError("ops.partition_lineage", T0, "x")).isEmpty();
        assertThat(limits.views()).isEmpty();
    }

    @Test
    void aHotTableHoldsBackItsOwnDispatchesAndTheOtherTablesAreDispatchedAsBefore() {
        TableLimits limits = limits();
        Scheduler undisturbed = scheduler(TableLimits.none(), 20);
        Scheduler s = scheduler(limits, 20);
        limits.onQuotaError("t.hot", T0, "hot/2022-01-01"); // 8 -> 4
        limits.onQuotaError("t.hot", T0.plusSeconds(5), "hot/2022-01-02"); // 4 -> 2

        List<Dispatch> before = undisturbed.selectDispatches();
        List<Dispatch> chosen = s.selectDispatches();

        // undisturbed: 8 of each (their concurrency), 16 in all (the global limit); with hot at 2: 2 hot, 8 cool
        assertThat(dispatchedOf(before, "hot")).isEqualTo(8);
        assertThat(dispatchedOf(before, "cool")).isEqualTo(8);
        assertThat(dispatchedOf(chosen, "hot")).isEqualTo(2);
        assertThat(dispatchedOf(chosen, "cool")).isEqualTo(dispatchedOf(before, "cool"));
        assertThat(s.globalLimit()).as("the global limit untouched").isEqualTo(16);
        dispatch(s, chosen);
        assertThat(s.inFlightOfTable("t.hot")).isEqualTo(2);
        assertThat(s.inFlightOfTable("t.cool")).isEqualTo(8);
        // the hot table full, the cool one full: nothing more until one of them finishes
        assertThat(s.selectDispatches()).isEmpty();
    }
}
