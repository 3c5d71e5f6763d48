package fullcourt.engine.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {

    private final Cancellation cancellation = new Cancellation();
    private final AtomicInteger firstHookRuns = new AtomicInteger();
    private final AtomicInteger secondHookRuns = new AtomicInteger();

    @Test
    void everyRegisteredHookRunsOnceEvenWhenCancelledTwice() {
        cancellation.onCancel(firstHookRuns::incrementAndGet);
        cancellation.onCancel(secondHookRuns::incrementAndGet);

        cancellation.cancel();
        cancellation.cancel();

        assertThat(firstHookRuns).hasValue(1);
        assertThat(secondHookRuns).hasValue(1);
        assertThat(cancellation.isCancelled()).isTrue();
    }

    @Test
    void hookRegisteredAfterCancelRunsAtOnce() {
        cancellation.cancel();

        cancellation.onCancel(firstHookRuns::incrementAndGet);

        assertThat(firstHookRuns).hasValue(1);
    }

    @Test
    void deregisteredHookDoesNotRun() throws Exception {
        AutoCloseable registration = cancellation.onCancel(firstHookRuns::incrementAndGet);
        cancellation.onCancel(secondHookRuns::incrementAndGet);

        registration.close();
        cancellation.cancel();

        assertThat(firstHookRuns).hasValue(0);
        assertThat(secondHookRuns).hasValue(1);
    }

    @Test
    void hooksDoNotRunBeforeCancel() {
        cancellation.onCancel(firstHookRuns::incrementAndGet);

        assertThat(firstHookRuns).hasValue(0);
        assertThat(cancellation.isCancelled()).isFalse();
    }

    @Test
    void checkPassesUntilCancelledThenThrowsRetryableFailure() {
        assertThatCode(cancellation::check).doesNotThrowAnyException();

        cancellation.cancel();

        assertThatThrownBy(cancellation::check)
                .isInstanceOf(RetryableFailure.class)
                .hasMessage("cancelled: the task's deadline passed");
    }
}
