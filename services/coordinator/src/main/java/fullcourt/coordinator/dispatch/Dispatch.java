package fullcourt.coordinator.dispatch;

import fullcourt.coordinator.TaskKey;

/** A task chosen to be sent: which run, which task, its dispatch number and phase. */
public record Dispatch(String runId, TaskKey task, int dispatch, int phase) {
}
