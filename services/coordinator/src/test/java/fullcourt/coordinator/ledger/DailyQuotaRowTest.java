package fullcourt.coordinator.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.messages.Quota;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A DAILY_QUOTA row keeps its quota, refill time and who met it through the ledger; a row without one is refused. */
class DailyQuotaRowTest {

    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");
    private static final TaskKey HOT = new TaskKey("hot", LocalDate.of(2022, 1, 2));

    private final TaskLedger ledger = new TaskLedger(DuckDbWarehouse.open(":memory:"));

    @Test
    void theQuotaAndWhoMetItComeBackFromTheLedger() {
        DailyQuotaRow row = new DailyQuotaRow(Quota.project(true, "QueryUsagePerDay; resets at midnight Pacific Time")
                .refillingAt(Instant.parse("2022-06-01T07:00:00Z")), "hot/2022-01-01");

        ledger.append(LedgerEvent.task("r", HOT, LedgerEventType.DAILY_QUOTA, 0, 0, T0, row.detail()));

        assertThat(ledger.read().rows()).singleElement()
                .satisfies(e -> assertThat(DailyQuotaRow.parse(e.detail())).isEqualTo(row));
    }

    @Test
    void aRowWithoutADailyQuotaIsRefusedBeforeAnythingIsWritten() {
        String soon = "{\"quota\":{\"scope\":\"TABLE\",\"table\":\"analytics.hot\",\"daily\":false},\"metBy\":\"hot/2022-01-01\"}";

        assertThatThrownBy(() -> ledger.append(LedgerEvent.task("r", HOT, LedgerEventType.DAILY_QUOTA, 0, 0, T0,
                "not json"))).isInstanceOf(InvalidLedgerRow.class).hasMessageContaining("detail: not a daily quota");
        assertThatThrownBy(() -> ledger.append(LedgerEvent.task("r", HOT, LedgerEventType.DAILY_QUOTA, 0, 0, T0,
                soon))).isInstanceOf(InvalidLedgerRow.class).hasMessageContaining("names a daily quota");
        assertThat(ledger.read().rows()).isEmpty();
    }
}
