package fullcourt.messages;

import java.util.List;
import java.util.stream.Collectors;

/** Pub/Sub topic and subscription names, optionally prefixed so several stacks can share one project. */
public record Topics(String prefix) {

    public static final Topics DEFAULT = new Topics("");

    /** The phases that have work topics; phases 1-2 are upstream of Fullcourt. */
    public static final List<Integer> PHASES = List.of(3, 4, 5, 6);

    public Topics {
        prefix = prefix == null ? "" : prefix;
    }

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix);
    }

    public String backfillRequests() {
        return prefix + "backfill-requests";
    }

    public String taskEvents() {
        return prefix + "task-events";
    }

    public String runEvents() {
        return prefix + "run-events";
    }

    /** New or corrected raw data, announced by what loads raw tables (outside Fullcourt). */
    public String rawUpdates() {
        return prefix + "raw-updates";
    }

    /** Raw updates the coordinator could not read (it puts them here itself) or failed to handle too often. */
    public String rawUpdatesDeadLetter() {
        return rawUpdates() + "-dlq";
    }

    /**
     * Where the coordinator's own subscriptions (requests, task events, work dead letters) dead-letter what they
     * failed to handle too many times; read by operators, not by Fullcourt.
     */
    public String coordinatorDeadLetter() {
        return prefix + "coordinator-dlq";
    }

    public String coordinatorDeadLetterSubscription() {
        return coordinatorDeadLetter() + "-sub";
    }

    public String work(int phase) {
        return prefix + "phase" + checkedPhase(phase) + "-work";
    }

    public String workDeadLetter(int phase) {
        return work(phase) + "-dlq";
    }

    public String workSubscription(int phase) {
        return work(phase) + "-sub";
    }

    public String workDeadLetterSubscription(int phase) {
        return workDeadLetter(phase) + "-sub";
    }

    public String requestsSubscription() {
        return backfillRequests() + "-coordinator";
    }

    public String taskEventsSubscription() {
        return taskEvents() + "-coordinator";
    }

    public String rawUpdatesSubscription() {
        return rawUpdates() + "-coordinator";
    }

    /**
     * Read by operators' commands ({@code fullcourt request} waits there for the coordinator's answer): provisioned
     * with the topology, so an operator needs only {@code roles/pubsub.subscriber} on it, not the right to create
     * subscriptions.
     */
    public String runEventsOperatorSubscription() {
        return runEvents() + "-operator";
    }

    /** Read by operators, not by Fullcourt: without a subscription Pub/Sub would drop what is dead-lettered. */
    public String rawUpdatesDeadLetterSubscription() {
        return rawUpdatesDeadLetter() + "-sub";
    }

    private static int checkedPhase(int phase) {
        if (!PHASES.contains(phase)) {
            throw new IllegalArgumentException("phase " + phase + " has no work topic; the phases are "
                    + PHASES.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        return phase;
    }
}
