package fullcourt.coordinator.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fullcourt.coordinator.CoordinatorStopped;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.ledger.LedgerEvent;
import fullcourt.coordinator.ledger.LedgerEventType;
import fullcourt.coordinator.ledger.TaskLedger;
import fullcourt.engine.testing.ManualClock;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import fullcourt.engine.warehouse.Warehouse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lease on a real (in-memory DuckDB) ops.coordinator_lease, time from manual clocks. */
class CoordinatorLeaseTest {

    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);

    final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    final LeaseTable table = LeaseTable.on(warehouse);
    final ManualClock clockA = new ManualClock(T0);
    final ManualClock clockB = new ManualClock(T0);
    final CoordinatorLease a = new CoordinatorLease(table, "coordinator", "a", LEASE, clockA);
    final CoordinatorLease b = new CoordinatorLease(table, "coordinator", "b", LEASE, clockB);

    @AfterEach
    void close() {
        warehouse.close();
    }

    void advanceBoth(Duration d) {
        clockA.advance(d);
        clockB.advance(d);
    }

    @Test
    void firstCoordinatorTakesTheFreeLeaseAtEpochOneUntilNowPlusTheDuration() {
        assertThat(a.tryTake()).isTrue();

        assertThat(a.held()).isTrue();
        assertThat(a.epoch()).isEqualTo(1);
        assertThat(table.read("coordinator")).isEqualTo(new LeaseRow("a", 1, T0.plusSeconds(30)));
    }

    @Test
    void secondCoordinatorStandsByWhileTheLeaseIsHeldNamingItsHolder() {
        a.tryTake();

        assertThat(b.tryTake()).isFalse();

        assertThat(b.held()).isFalse();
        assertThat(b.status()).contains("held by a (epoch 1");
        assertThatThrownBy(b::check).isInstanceOf(NotLeaseHolder.class).isInstanceOf(CoordinatorStopped.class);
    }

    @Test
    void aSoleProcessTakesOverTheLeaseLeftByAGoneProcessAtOnceOnlyAtItsFirstTake() {
        a.tryTake();
        a.abandon(); // killed: its lease runs 30 s more
        advanceBoth(Duration.ofSeconds(5));
        CoordinatorLease restarted = new CoordinatorLease(table, "coordinator", "b", LEASE, clockB, true);

        assertThat(restarted.tryTake()).isTrue();

        assertThat(restarted.epoch()).isEqualTo(2);
        assertThat(table.read("coordinator")).isEqualTo(new LeaseRow("b", 2, T0.plusSeconds(35)));
        // later takes wait like any other: a lease held by someone else is not taken over twice
        restarted.abandon();
        CoordinatorLease c = new CoordinatorLease(table, "coordinator", "c", LEASE, clockB);
        assertThat(c.tryTake()).isFalse();
        assertThat(restarted.tryTake()).isFalse();
    }

    @Test
    void withoutSoleProcessARestartWaitsForTheLeftLeaseToRunOut() {
        a.tryTake();
        a.abandon();
        advanceBoth(Duration.ofSeconds(5));

        assertThat(new CoordinatorLease(table, "coordinator", "b", LEASE, clockB, false).tryTake()).isFalse();
    }

    @Test
    void renewalPushesTheExpirySoAStandbyCannotTakeItAtTheOldOne() {
        a.tryTake();
        advanceBoth(Duration.ofSeconds(10));
        assertThat(a.renew()).isTrue();
        advanceBoth(Duration.ofSeconds(25)); // 35 s after taking: past the first expiry (30 s), before the renewed one (40 s)

        assertThat(b.tryTake()).isFalse();
        assertThat(a.held()).isTrue();
        assertThat(table.read("coordinator").expiresAt()).isEqualTo(T0.plusSeconds(40));
    }

    @Test
    void standbyTakesOverOnceTheLeaseRunsOutUnrenewedWithTheNextEpoch() {
        a.tryTake();
        advanceBoth(Duration.ofSeconds(29));
        assertThat(b.tryTake()).isFalse();
        advanceBoth(Duration.ofSeconds(1)); // exactly the expiry: free

        assertThat(b.tryTake()).isTrue();

        assertThat(b.epoch()).isEqualTo(2);
        assertThat(table.read("coordinator")).isEqualTo(new LeaseRow("b", 2, T0.plusSeconds(60)));
    }

    @Test
    void holderThatRenewsTooLateHasLostItEvenIfNobodyTookIt() {
        a.tryTake();
        clockA.advance(Duration.ofSeconds(30));

        assertThatThrownBy(a::check).isInstanceOf(NotLeaseHolder.class).hasMessageContaining("ran out");
        assertThat(a.renew()).isFalse();
        assertThat(a.held()).isFalse();
        assertThat(a.status()).contains("lost the lease (epoch 1)").contains("ran out");
    }

    @Test
    void holderWhoseLeaseWasTakenLosesItAtItsNextRenewalNamingTheNewHolderAndEpoch() {
        a.tryTake();
        clockB.advance(Duration.ofSeconds(31)); // b's clock sees a's lease run out; a's own has not moved (a paused process)
        b.tryTake();

        assertThat(a.renew()).isFalse();

        assertThat(a.held()).isFalse();
        assertThat(a.status()).contains("another coordinator holds it: b (epoch 2");
        assertThat(table.read("coordinator").holder()).isEqualTo("b");
    }

    @Test
    void releasedLeaseIsTakenAtOnce() {
        a.tryTake();
        a.release();

        assertThat(b.tryTake()).isTrue();
        assertThat(b.epoch()).isEqualTo(2);
    }

    @Test
    void abandonedLeaseWaitsForItsExpiryAsAKilledHoldersWould() {
        a.tryTake();
        a.abandon();

        assertThat(b.tryTake()).isFalse();
        advanceBoth(LEASE);
        assertThat(b.tryTake()).isTrue();
    }

    @Test
    void twoStandbysRacingForTheSameExpiredLeaseGetOneEpochEach() {
        a.tryTake();
        a.abandon();
        ManualClock clockC = new ManualClock(T0.plusSeconds(31));
        CoordinatorLease c = new CoordinatorLease(table, "coordinator", "c", LEASE, clockC);
        clockB.advance(Duration.ofSeconds(31));
        LeaseRow seenByBoth = table.read("coordinator");

        boolean bWon = table.take("coordinator", seenByBoth, "b", clockB.instant(), clockB.instant().plus(LEASE));
        boolean cWon = table.take("coordinator", seenByBoth, "c", clockC.instant(), clockC.instant().plus(LEASE));

        assertThat(List.of(bWon, cWon)).containsExactly(true, false); // the compare and set on epoch 1 lets one win
        assertThat(c.tryTake()).isFalse();
        assertThat(table.read("coordinator").epoch()).isEqualTo(2);
    }

    // ---- fencing of the ledger ----

    static LedgerEvent succeeded(String runId, int day) {
        return LedgerEvent.task(runId, new TaskKey("a", LocalDate.of(2022, 1, day)), LedgerEventType.SUCCEEDED, 1, 1,
                T0, null);
    }

    List<Map<String, Object>> ledgerRows() {
        return warehouse.query("SELECT run_id, task_id, epoch FROM ops.task_events ORDER BY seq", Map.of());
    }

    @Test
    void holderAppendsToTheLedgerUnderItsEpoch() {
        a.tryTake();
        TaskLedger ledger = new TaskLedger(warehouse, a);

        ledger.append(List.of(succeeded("r1", 1), succeeded("r1", 2)));

        assertThat(ledgerRows()).extracting(r -> r.get("task_id") + "@" + r.get("epoch"))
                .containsExactly("a/2022-01-01@1", "a/2022-01-02@1");
        assertThat(ledger.readAll()).hasSize(2);
    }

    /**
     * {@code stale}'s ledger after one row of epoch 1, once it was paused past its lease and {@code next} took over:
     * its own clock says it still holds the lease, so only the warehouse can stop it.
     */
    static TaskLedger pausedPastItsLease(Warehouse warehouse, CoordinatorLease stale, CoordinatorLease next,
                                         ManualClock nextClock) {
        stale.tryTake();
        TaskLedger staleLedger = new TaskLedger(warehouse, stale);
        staleLedger.append(List.of(succeeded("r1", 1)));
        nextClock.advance(Duration.ofSeconds(31));
        next.tryTake();
        assertThat(stale.held()).isTrue();
        return staleLedger;
    }

    @Test
    void appendOfAStaleEpochIsRefusedByTheWarehouseAndWritesNothing() {
        TaskLedger staleLedger = pausedPastItsLease(warehouse, a, b, clockB);

        assertThatThrownBy(() -> staleLedger.append(List.of(succeeded("r1", 2), succeeded("r1", 3))))
                .isInstanceOf(NotLeaseHolder.class).hasMessageContaining("epoch 1");

        assertThat(ledgerRows()).extracting(r -> r.get("task_id")).containsExactly("a/2022-01-01");
        assertThat(a.held()).isFalse();
        assertThat(a.status()).contains("refused a ledger write of epoch 1").contains("b (epoch 2");
        new TaskLedger(warehouse, b).append(List.of(succeeded("r1", 2)));
        assertThat(ledgerRows()).extracting(r -> r.get("task_id") + "@" + r.get("epoch"))
                .containsExactly("a/2022-01-01@1", "a/2022-01-02@2");
    }

    @Test
    void appendWithoutTheLeaseIsRefusedBeforeReachingTheWarehouse() {
        TaskLedger ledger = new TaskLedger(warehouse, b);

        assertThatThrownBy(() -> ledger.append(List.of(succeeded("r1", 1)))).isInstanceOf(NotLeaseHolder.class);
        assertThat(ledgerRows()).isEmpty();
    }

    @Test
    void aBatchLargerThanOneStatementIsWrittenWholeUnderTheFence() {
        a.tryTake();
        TaskLedger ledger = new TaskLedger(warehouse, a);
        List<LedgerEvent> rows = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) { // 500 + 500 + 201
            rows.add(LedgerEvent.run("r" + i, LedgerEventType.CANCEL_REQUESTED, T0, null));
        }

        ledger.append(rows);

        assertThat(ledgerRows()).hasSize(1_201).allSatisfy(r -> assertThat(r.get("epoch")).isEqualTo(1L));
        assertThat(ledger.readAll()).extracting(LedgerEvent::runId).startsWith("r0", "r1", "r2").endsWith("r1200");
    }
}
