package fullcourt.progress;

import java.time.Duration;
import java.util.List;

/** What the live view shows of a run at one moment: its id, state, time since it was accepted, and its phases. */
public record RunSnapshot(String runId, String state, Duration elapsed, List<PhaseProgress> phases) {

    public RunSnapshot {
        phases = phases == null ? List.of() : List.copyOf(phases);
        elapsed = elapsed == null || elapsed.isNegative() ? Duration.ZERO : elapsed;
    }
}
