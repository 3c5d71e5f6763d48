package fullcourt.messages;

/** Task counts of a finished run by outcome, and its wall-clock duration. */
public record RunSummary(int tasks, int succeeded, int skipped, int dead, int blocked, int cancelled,
                         long wallMillis) {

    static void checkShape(JsonShape json) {
        json.optional("tasks", JsonShape.INTEGER);
        json.optional("succeeded", JsonShape.INTEGER);
        json.optional("skipped", JsonShape.INTEGER);
        json.optional("dead", JsonShape.INTEGER);
        json.optional("blocked", JsonShape.INTEGER);
        json.optional("cancelled", JsonShape.INTEGER);
        json.optional("wallMillis", JsonShape.LONG);
    }
}
