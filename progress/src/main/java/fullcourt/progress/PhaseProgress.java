package fullcourt.progress;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One phase of a run, counted: its tasks, those finished (any terminal state), those in flight, the
 * redeliveries its tasks needed, and the finished ones that did not succeed. The status API carries it
 * and the live view draws one line of it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PhaseProgress(int phase, int total, int finished, int running, int retries, int dead, int blocked,
                            int cancelled) {
}
