package fullcourt.coordinator.intake;

import fullcourt.messages.BackfillRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jboss.logging.Logger;

/**
 * The platform's calendar day now (the coordinator's clock in {@code fullcourt.coordinator.time-zone}):
 * what relative request dates ({@code today}, {@code yesterday}, {@code today-N}) count from. Game
 * dates are the platform's local dates, so 03:30 UTC is still the evening before in New York.
 */
public record PlatformDay(Clock clock, ZoneId zone) {

    private static final Logger LOG = Logger.getLogger(PlatformDay.class);

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The request as planned today: relative dates resolved, a missing request id derived (see {@link BackfillRequest#resolve}). */
    public BackfillRequest resolve(BackfillRequest request) {
        LocalDate today = today();
        BackfillRequest resolved = request.resolve(today);
        if (request.hasRelativeDates() || request.requestId() == null) {
            LOG.infof("Request %s: dates %s resolved on %s (%s)", resolved.requestId(), spelled(request), today, zone);
        }
        return resolved;
    }

    private static String spelled(BackfillRequest request) {
        return request.fromRef() != null || request.toRef() != null
                ? request.fromRef() + ".." + request.toRef() : request.dateRefs().toString();
    }
}
