package fullcourt.coordinator;

/** A CDI event: a task became DEAD (its work message was dead-lettered after {@code attempts} deliveries). */
public record TaskDied(String runId, TaskKey task, int attempts, String error) {
}
