package fullcourt.coordinator.lease;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.testing.ManualClock;
import fullcourt.engine.warehouse.DuckDbWarehouse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the keeper tells its coordinator, step by step (ticks called directly, time from one manual clock). */
class LeaseKeeperTest {

    final DuckDbWarehouse warehouse = DuckDbWarehouse.open(":memory:");
    final LeaseTable table = LeaseTable.on(warehouse);
    final ManualClock clock = new ManualClock(CoordinatorLeaseTest.T0);
    final List<String> told = new ArrayList<>();

    @AfterEach
    void close() {
        warehouse.close();
    }

    LeaseKeeper keeper(String holder) {
        CoordinatorLease lease = new CoordinatorLease(table, "coordinator", holder, Duration.ofSeconds(30), clock);
        return new LeaseKeeper(lease, Duration.ofSeconds(10), clock, new LeaseKeeper.Role() {
            @Override
            public void lead() {
                told.add(holder + " leads");
            }

            @Override
            public void standDown(String why) {
                told.add(holder + " stands down: " + why);
            }
        });
    }

    @Test
    void standbyRetriesAtTheHoldersExpiryAndLeadsOnceItRanOut() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        a.tick();
        clock.advance(Duration.ofSeconds(25));

        Duration next = b.tick(); // a holds it until 30 s: b comes back 5 s (+50 ms) later, before its 10 s interval

        assertThat(next).isEqualTo(Duration.ofMillis(5_050));
        assertThat(told).containsExactly("a leads");
        clock.advance(next);
        b.tick();
        assertThat(told).containsExactly("a leads", "b leads");
        assertThat(b.leading()).isTrue();
    }

    @Test
    void holderStandsDownAtItsRenewalOnceAnotherTookOverNamingHolderAndEpoch() {
        LeaseKeeper a = keeper("a");
        LeaseKeeper b = keeper("b");
        a.tick();
        clock.advance(Duration.ofSeconds(31)); // a missed its renewals (paused), b takes over
        b.tick();

        a.tick();

        assertThat(told).hasSize(3);
        assertThat(told.get(2)).startsWith("a stands down: lost the lease (epoch 1)");
        assertThat(a.leading()).isFalse();
    }

    @Test
    void leaderThatFailsToStartGivesTheLeaseBack() {
        CoordinatorLease lease = new CoordinatorLease(table, "coordinator", "a", Duration.ofSeconds(30), clock);
        LeaseKeeper a = new LeaseKeeper(lease, Duration.ofSeconds(10), clock, new LeaseKeeper.Role() {
            @Override
            public void lead() {
                throw new IllegalStateException("ledger unreadable");
            }

            @Override
            public void standDown(String why) {
                told.add("a stands down: " + why);
            }
        });

        a.tick();

        assertThat(told).containsExactly("a stands down: could not start: java.lang.IllegalStateException: ledger unreadable");
        assertThat(table.read("coordinator").free(clock.instant())).isTrue();
    }
}
