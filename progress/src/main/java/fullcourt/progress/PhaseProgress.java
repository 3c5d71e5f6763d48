package fullcourt.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One phase of a run, counted: its tasks, those finished (any terminal state), those in flight, the
 * redeliveries its tasks needed, the finished ones that did not succeed, and those its plan skipped (finished
 * without running: nothing to compute on their dates; 0 from a coordinator that did not say). The status API
 * carries it and the live view draws one line of it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhaseProgress(int phase, int total, int finished, int running, int retries, int dead, int blocked,
                            int cancelled, int skippedAsPlanned) {

    /** A phase none of whose tasks its plan skipped. */
    public PhaseProgress(int phase, int total, int finished, int running, int retries, int dead, int blocked,
                         int cancelled) {
        this(phase, total, finished, running, retries, dead, blocked, cancelled, 0);
    }
}
