package fullcourt.coordinator.notify;

import fullcourt.coordinator.RunStatus;
import fullcourt.coordinator.TaskKey;
import fullcourt.coordinator.validation.Validation;
import fullcourt.messages.LogText;
import fullcourt.messages.RunSummary;
import java.time.Duration;
import java.util.stream.Collectors;

/** The text of each notification: one line a person reads in a chat channel, then the details. */
final class Notice {

    /** Chat messages stay short; Slack truncates past 40,000 characters anyway. */
    static final int MAX_CHARS = 3000;

    private Notice() {
    }

    static String runFinished(String runId, RunStatus outcome, RunSummary s) {
        return "Fullcourt run " + runId + " " + outcome + " in " + Duration.ofMillis(s.wallMillis()).toSeconds()
                + " s: " + s.tasks() + " tasks, " + s.succeeded() + " succeeded, " + s.skipped() + " skipped, "
                + s.dead() + " dead, " + s.blocked() + " blocked, " + s.cancelled() + " cancelled"
                + s.dailyQuotas().stream().map(q -> "\n" + q).collect(Collectors.joining())
                + (s.dead() + s.blocked() > 0 ? "\nReplay after a fix: fullcourt replay " + runId : "");
    }

    static String taskDead(String runId, TaskKey task, int attempts, String error) {
        return "Fullcourt task " + task + " of run " + runId + " is DEAD after " + attempts + " attempts: "
                + (error == null ? "no error reported" : LogText.multiline(error, MAX_CHARS));
    }

    /** The failed checks only, each as the validation report prints it; the full report is {@code fullcourt validate}'s. */
    static String validationFailed(Validation v) {
        StringBuilder out = new StringBuilder("Fullcourt validation FAILED for " + v.from() + " .. " + v.to()
                + v.phase().map(p -> " (phase " + p + ")").orElse("") + ":");
        v.coverage().stream().filter(c -> !c.complete()).forEach(c -> out.append('\n').append(c.render()));
        v.fieldChecks().stream().filter(c -> !c.passed()).forEach(c -> out.append('\n').append(c.render()));
        if (v.judgesAccuracy() && !v.trainedBeatsBaseline()) {
            out.append("\n  ").append(Validation.TRAINED).append(" does not beat the ").append(Validation.BASELINE)
                    .append(" baseline in season ").append(v.season());
        }
        return LogText.multiline(out.toString(), MAX_CHARS);
    }
}
