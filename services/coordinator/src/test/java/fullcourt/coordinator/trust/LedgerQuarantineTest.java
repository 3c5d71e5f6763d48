package fullcourt.coordinator.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.TestCatalogs;
import fullcourt.coordinator.dispatch.LedgerFold;
import fullcourt.coordinator.dispatch.Scheduler;
import fullcourt.coordinator.ledger.InvalidLedgerRow;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.LedgerRows;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.coordinator.plan.Planner;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.messages.BackfillRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ledger never takes a row its fold refuses, and a fold that meets one written otherwise sets it aside. */
class LedgerQuarantineTest {

    private static final LocalDate JAN_1 = LocalDate.of(2022, 1, 1);
    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");

    private final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    private final TaskLedger ledger = new TaskLedger(warehouse);
    private final Catalog catalog = TestCatalogs.chain(1);

    @Test
    void rowsTheFoldWouldRefuseAreRefusedBeforeAnythingIsWritten() {
        LedgerEvent good = LedgerEvent.run("r", LedgerEventType.CANCEL_REQUESTED, T0, null);
        LedgerEvent emptyProcessor = LedgerEvent.task("r", new TaskKey("", JAN_1), LedgerEventType.SUCCEEDED, 1, 1,
                T0, null);
        LedgerEvent yearTenThousand = LedgerEvent.task("r", new TaskKey("a", LocalDate.of(10000, 1, 1)),
                LedgerEventType.SUCCEEDED, 1, 1, Instant.parse("+10000-01-01T00:00:00Z"), null);

        assertThatThrownBy(() -> ledger.append(List.of(good, emptyProcessor))).isInstanceOf(InvalidLedgerRow.class)
                .hasMessageContaining("processor: expected a processor name, got ");
        assertThatThrownBy(() -> ledger.append(yearTenThousand)).isInstanceOf(InvalidLedgerRow.class)
                .hasMessageContaining("task_date: expected a date in 1946-01-01..2100-12-31, got +10000-01-01")
                .hasMessageContaining("event_at: expected an instant in 1946-01-01..2100-12-31");
        assertThat(ledger.read().rows()).isEmpty();
    }

    @Test
    void aRowWithAnEmptyProcessorPutThereByHandIsQuarantinedAndTheRestFolds() {
        BackfillRequest request = BackfillRequest.forRange("r", JAN_1, JAN_1).withPhases(List.of(3))
                .withUpstreams(BackfillRequest.Upstreams.ALLOW);
        ledger.append(List.of(LedgerEvent.accepted("r", T0, request),
                LedgerEvent.task("r", new TaskKey("a", JAN_1), LedgerEventType.PLANNED, 0, 0, T0, null),
                LedgerEvent.task("r", new TaskKey("b", JAN_1), LedgerEventType.PLANNED, 0, 0, T0, null)));
        insertByHand(100, "r", "/2022-01-01", "", "SUCCEEDED");
        insertByHand(101, "r", "a/2022-01-01", "a", "NO_SUCH_EVENT");

        LedgerRows.Read read = ledger.read();
        Scheduler rebuilt = new Scheduler(catalog, 10);
        List<LedgerRows.Quarantined> refused = LedgerFold.into(rebuilt, new Planner(catalog), read.rows(),
                SeasonCalendar.EMPTY);

        assertThat(read.quarantined()).extracting(LedgerRows.Quarantined::row).containsExactly("seq 100", "seq 101");
        assertThat(read.quarantined().get(0).reason()).startsWith("unreadable: task id must look like processor/");
        assertThat(refused).isEmpty();
        assertThat(rebuilt.run("r").orElseThrow().tasks()).hasSize(2);
    }

    /** A row as a hand-written INSERT would put it, past every check. */
    private void insertByHand(long seq, String runId, String taskId, String processor, String event) {
        warehouse.update("INSERT INTO ops.task_events (seq, run_id, task_id, processor, task_date, event, event_at,"
                + " recorded_at) VALUES (@seq, @run, @task, @processor, DATE '2022-01-01', @event,"
                + " TIMESTAMP '2022-06-01 00:00:00', TIMESTAMP '2022-06-01 00:00:00')",
                Map.of("seq", seq, "run", runId, "task", taskId, "processor", processor, "event", event));
    }
}
