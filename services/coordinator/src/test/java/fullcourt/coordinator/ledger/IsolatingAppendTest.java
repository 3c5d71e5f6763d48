package fullcourt.coordinator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch the warehouse refuses because of one row: that row fails alone, the others are written. */
class IsolatingAppendTest {

    private static final Instant T0 = Instant.parse("2022-06-01T00:00:00Z");
    private final List<String> written = new ArrayList<>();

    private void append(List<LedgerEvent> rows) {
        if (rows.stream().anyMatch(r -> r.runId().equals("poison"))) {
            throw new IllegalStateException("timestamp out of range");
        }
        rows.forEach(r -> written.add(r.runId()));
    }

    private static LedgerEvent row(String runId) {
        return LedgerEvent.run(runId, LedgerEventType.CANCEL_REQUESTED, T0, null);
    }

    @Test
    void oneRowTheWarehouseRefusesFailsAloneAndTheRestAreWrittenInOrder() {
        List<RuntimeException> failures = IsolatingAppend.each(List.of(row("a"), row("poison"), row("c")), this::append);

        assertThat(written).containsExactly("a", "c");
        assertThat(failures.get(0)).isNull();
        assertThat(failures.get(1)).hasMessage("timestamp out of range");
        assertThat(failures.get(2)).isNull();
    }

    @Test
    void aBatchThatIsWrittenIsWrittenOnce() {
        List<RuntimeException> failures = IsolatingAppend.each(List.of(row("a"), row("b")), this::append);

        assertThat(written).containsExactly("a", "b");
        assertThat(failures).containsOnlyNulls();
    }
}
