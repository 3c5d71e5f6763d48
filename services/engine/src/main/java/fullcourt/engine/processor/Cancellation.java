package fullcourt.engine.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * Cancels a task's running work when its deadline passes: whoever starts something cancellable (a
 * query) registers how to stop it for as long as it runs.
 */
public final class Cancellation {

    private final List<Runnable> hooks = new ArrayList<>();
    private boolean cancelled;

    /** Registers {@code hook}; runs it at once if already cancelled. Returns a handle to deregister. */
    public AutoCloseable onCancel(Runnable hook) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                hooks.add(hook);
            }
        }
        if (runNow) {
            hook.run();
        }
        return () -> {
            synchronized (this) {
                hooks.remove(hook);
            }
        };
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Throws a {@link RetryableFailure} when cancelled: for processors doing Java work between queries. */
    public void check() {
        if (isCancelled()) {
            throw new RetryableFailure("cancelled: the task's deadline passed");
        }
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = new ArrayList<>(hooks);
            hooks.clear();
        }
        for (Runnable hook : toRun) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                // one hook failing must not keep the others from stopping their work
                org.jboss.logging.Logger.getLogger(Cancellation.class).warnf("cancel hook failed: %s", e);
            }
        }
    }
}
