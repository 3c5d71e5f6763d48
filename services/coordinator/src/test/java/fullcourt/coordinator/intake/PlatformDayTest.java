package fullcourt.coordinator.intake;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.messages.BackfillRequest;
import fullcourt.messages.DateRef;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Relative request dates count the platform's days (New York), whatever the time in UTC. */
class PlatformDayTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static LocalDate today(String instant) {
        return new PlatformDay(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), NEW_YORK).today();
    }

    /** The Cloud Scheduler message of the README: the last three days, stale partitions only, no request id. */
    private static BackfillRequest scheduled() {
        return BackfillRequest.forRange(null, DateRef.daysBeforeToday(3), DateRef.daysBeforeToday(1))
                .withPhases(List.of(3)).withMode(BackfillRequest.Mode.STALE);
    }

    private static BackfillRequest resolvedAt(String instant) {
        return new PlatformDay(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), NEW_YORK).resolve(scheduled());
    }

    @Test
    void halfPastThreeUtcIsStillTheEveningBeforeInNewYork() {
        // January: New York is UTC-5, so 03:30 UTC on Jan 6 is 22:30 on Jan 5
        assertThat(today("2024-01-06T03:30:00Z")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(today("2024-01-06T04:59:59Z")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(today("2024-01-06T05:00:00Z")).isEqualTo(LocalDate.of(2024, 1, 6));
        // July: UTC-4, so the day turns at 04:00 UTC
        assertThat(today("2024-07-04T03:59:59Z")).isEqualTo(LocalDate.of(2024, 7, 3));
        assertThat(today("2024-07-04T04:00:00Z")).isEqualTo(LocalDate.of(2024, 7, 4));
        // in UTC the same instant is already Jan 6
        assertThat(new PlatformDay(Clock.fixed(Instant.parse("2024-01-06T03:30:00Z"), ZoneOffset.UTC), ZoneOffset.UTC)
                .today()).isEqualTo(LocalDate.of(2024, 1, 6));
    }

    @Test
    void theDaysOfTheClockChangesTurnAtLocalMidnight() {
        // spring forward, Sunday Mar 10 2024 at 02:00 EST = 07:00 UTC: midnight was 05:00 UTC (EST)
        assertThat(today("2024-03-10T04:59:59Z")).isEqualTo(LocalDate.of(2024, 3, 9));
        assertThat(today("2024-03-10T05:00:00Z")).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(today("2024-03-11T03:59:59Z")).isEqualTo(LocalDate.of(2024, 3, 10)); // now EDT: 23:59:59
        // fall back, Sunday Nov 3 2024 at 02:00 EDT = 06:00 UTC: midnight was 04:00 UTC (EDT)
        assertThat(today("2024-11-03T03:59:59Z")).isEqualTo(LocalDate.of(2024, 11, 2));
        assertThat(today("2024-11-03T04:00:00Z")).isEqualTo(LocalDate.of(2024, 11, 3));
        assertThat(today("2024-11-04T04:59:59Z")).isEqualTo(LocalDate.of(2024, 11, 3)); // now EST: 23:59:59
    }

    @Test
    void aSchedulerMessageResolvesToTheLastDaysOfNewYorksCalendar() {
        BackfillRequest late = resolvedAt("2024-01-06T03:30:00Z");

        // today is Jan 5 in New York: today-3 = Jan 2, yesterday = Jan 4
        assertThat(late.from()).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(late.to()).isEqualTo(LocalDate.of(2024, 1, 4));
        assertThat(late.requestId()).startsWith("auto-2024-01-02-");
    }

    @Test
    void theSameMessageOnTheSameNewYorkDayIsOneRunAndTheNextDayAnother() {
        String morning = resolvedAt("2024-01-05T11:00:00Z").requestId();   // 06:00 on Jan 5
        String redelivered = resolvedAt("2024-01-06T04:30:00Z").requestId(); // 23:30 on Jan 5
        String nextDay = resolvedAt("2024-01-06T05:30:00Z").requestId();   // 00:30 on Jan 6

        assertThat(redelivered).isEqualTo(morning);
        assertThat(nextDay).isNotEqualTo(morning).startsWith("auto-2024-01-03-");
    }
}
