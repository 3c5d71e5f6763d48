package fullcourt.messages;

import java.util.List;

/**
 * Task counts of a finished run by outcome, and its wall-clock duration; {@code unchanged} counts the skipped tasks
 * that an early cutoff saved (their inputs had not changed, so their partitions were left as they were);
 * {@code dailyQuotas} says, a line each, which daily quotas ended tasks DEAD, how many, when they refill and how to
 * replay them then (empty when none did).
 */
public record RunSummary(int tasks, int succeeded, int skipped, int dead, int blocked, int cancelled,
                         long wallMillis, int unchanged, List<String> dailyQuotas) {

    public RunSummary {
        dailyQuotas = dailyQuotas == null ? List.of() : List.copyOf(dailyQuotas);
    }

    public RunSummary(int tasks, int succeeded, int skipped, int dead, int blocked, int cancelled, long wallMillis) {
        this(tasks, succeeded, skipped, dead, blocked, cancelled, wallMillis, 0, List.of());
    }

    static void checkShape(JsonShape json) {
        json.optional("tasks", JsonShape.INTEGER);
        json.optional("succeeded", JsonShape.INTEGER);
        json.optional("skipped", JsonShape.INTEGER);
        json.optional("dead", JsonShape.INTEGER);
        json.optional("blocked", JsonShape.INTEGER);
        json.optional("cancelled", JsonShape.INTEGER);
        json.optional("wallMillis", JsonShape.LONG);
        json.optional("unchanged", JsonShape.INTEGER);
        json.list("dailyQuotas", JsonShape.TEXT);
    }
}
