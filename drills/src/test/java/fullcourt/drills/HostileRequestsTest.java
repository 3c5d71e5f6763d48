package fullcourt.drills;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.messages.BackfillRequest;
import fullcourt.messages.BackfillRequestValidator;
import fullcourt.messages.InvalidMessageException;
import fullcourt.messages.MessageCodec;
import fullcourt.messages.RequestLimits;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hostile bodies, checked without a broker: each is refused by the codec or the validator for its own reason. */
class HostileRequestsTest {

    private static final Set<String> PROCESSORS = Set.of("player_game_summary", "team_offense_game_summary");

    private static List<String> reasons(byte[] body) {
        try {
            // as the coordinator does: resolve (relative dates, a missing id derived), then validate
            BackfillRequest request = MessageCodec.decode(body, BackfillRequest.class).resolve(LocalDate.of(2022, 1, 5));
            return BackfillRequestValidator.validate(request, new RequestLimits(2000, 2000), PROCESSORS);
        } catch (InvalidMessageException e) {
            return e.problems();
        }
    }

    @Test
    void atLeastThirtyDistinctHostileRequests() {
        assertThat(HostileRequests.all()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(HostileRequests.all().stream().map(HostileRequests.Hostile::name).distinct()).hasSameSizeAs(HostileRequests.all());
    }

    @Test
    void everyOneIsRejectedForTheReasonItWasWrittenFor() {
        for (HostileRequests.Hostile h : HostileRequests.all()) {
            assertThat(String.join("; ", reasons(h.body()))).as(h.name()).contains(h.expectedReason());
        }
    }
}
