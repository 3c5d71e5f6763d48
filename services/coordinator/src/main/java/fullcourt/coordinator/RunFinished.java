package fullcourt.coordinator;

import fullcourt.messages.RunSummary;

/** A CDI event: the coordinator reported a run finished (once per run, when its RUN_FINISHED row is written). */
public record RunFinished(String runId, RunStatus outcome, RunSummary summary) {
}
