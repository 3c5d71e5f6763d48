package fullcourt.coordinator.validation;

/** A CDI event: a validation asked of the coordinator (API, CLI) did not pass. */
public record ValidationFailed(Validation validation) {
}
