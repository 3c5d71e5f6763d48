package fullcourt.messages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void defaultNamesAreUnprefixed() {
        Topics topics = Topics.DEFAULT;

        assertThat(topics.backfillRequests()).isEqualTo("backfill-requests");
        assertThat(topics.taskEvents()).isEqualTo("task-events");
        assertThat(topics.runEvents()).isEqualTo("run-events");
        assertThat(topics.work(3)).isEqualTo("phase3-work");
        assertThat(topics.workDeadLetter(4)).isEqualTo("phase4-work-dlq");
        assertThat(topics.workSubscription(5)).isEqualTo("phase5-work-sub");
        assertThat(topics.workDeadLetterSubscription(6)).isEqualTo("phase6-work-dlq-sub");
        assertThat(topics.requestsSubscription()).isEqualTo("backfill-requests-coordinator");
        assertThat(topics.taskEventsSubscription()).isEqualTo("task-events-coordinator");
        assertThat(topics.rawUpdates()).isEqualTo("raw-updates");
        assertThat(topics.rawUpdatesDeadLetter()).isEqualTo("raw-updates-dlq");
        assertThat(topics.rawUpdatesSubscription()).isEqualTo("raw-updates-coordinator");
        assertThat(topics.rawUpdatesDeadLetterSubscription()).isEqualTo("raw-updates-dlq-sub");
    }

    @Test
    void prefixIsPrependedVerbatimToEveryName() {
        Topics topics = Topics.withPrefix("t42-");

        assertThat(topics.backfillRequests()).isEqualTo("t42-backfill-requests");
        assertThat(topics.taskEvents()).isEqualTo("t42-task-events");
        assertThat(topics.runEvents()).isEqualTo("t42-run-events");
        assertThat(topics.work(6)).isEqualTo("t42-phase6-work");
        assertThat(topics.workDeadLetter(3)).isEqualTo("t42-phase3-work-dlq");
        assertThat(topics.workSubscription(3)).isEqualTo("t42-phase3-work-sub");
        assertThat(topics.workDeadLetterSubscription(3)).isEqualTo("t42-phase3-work-dlq-sub");
        assertThat(topics.requestsSubscription()).isEqualTo("t42-backfill-requests-coordinator");
        assertThat(topics.taskEventsSubscription()).isEqualTo("t42-task-events-coordinator");
        assertThat(topics.rawUpdatesSubscription()).isEqualTo("t42-raw-updates-coordinator");
        assertThat(topics.rawUpdatesDeadLetterSubscription()).isEqualTo("t42-raw-updates-dlq-sub");
    }

    @Test
    void workPhasesAreThreeToSix() {
        assertThat(Topics.PHASES).containsExactly(3, 4, 5, 6);
    }

    @Test
    void phaseWithoutWorkTopicIsRejectedNamingTheAllowedPhases() {
        for (int phase : new int[] {2, 7}) {
            assertThatThrownBy(() -> Topics.DEFAULT.work(phase))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("phase " + phase + " has no work topic; the phases are 3, 4, 5, 6");
        }
        assertThatThrownBy(() -> Topics.DEFAULT.workDeadLetterSubscription(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3, 4, 5, 6");
    }
}
