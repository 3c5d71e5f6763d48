package fullcourt.coordinator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PacingAlarmTest {

    @Test
    void aTurnRunsNoEarlierThanTheReleaseAndALaterRequestWhileOneIsPendingIsDropped() {
        Clock clock = Clock.systemUTC();
        List<Instant> turns = new CopyOnWriteArrayList<>();
        try (PacingAlarm alarm = new PacingAlarm(clock, () -> turns.add(clock.instant()))) {
            Instant release = clock.instant().plusMillis(200);
            alarm.wakeAt(release);
            alarm.wakeAt(release.plusSeconds(60)); // later than the pending one: that turn arms again if needed
            await().atMost(Duration.ofSeconds(5)).until(() -> turns.size() == 1);
            assertThat(turns.get(0)).isAfterOrEqualTo(release);
            // once it fired, a new request arms again
            alarm.wakeAt(clock.instant().plusMillis(50));
            await().atMost(Duration.ofSeconds(5)).until(() -> turns.size() == 2);
        }
    }

    @Test
    void anEarlierRequestIsArmedBesideAPendingLaterOne() {
        Clock clock = Clock.systemUTC();
        List<Instant> turns = new CopyOnWriteArrayList<>();
        try (PacingAlarm alarm = new PacingAlarm(clock, () -> turns.add(clock.instant()))) {
            Instant start = clock.instant();
            alarm.wakeAt(start.plusSeconds(60));
            alarm.wakeAt(start.plusMillis(100));
            await().atMost(Duration.ofSeconds(5)).until(() -> turns.size() == 1);
            assertThat(Duration.between(start, turns.get(0))).isLessThan(Duration.ofSeconds(30));
        }
    }
}
