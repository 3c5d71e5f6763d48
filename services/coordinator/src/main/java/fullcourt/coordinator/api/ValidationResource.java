package fullcourt.coordinator.api;

import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.validation.FieldCheck;
import fullcourt.coordinator.validation.StalePartitions;
import fullcourt.coordinator.validation.SystemAccuracy;
import fullcourt.coordinator.validation.TableCoverage;
import fullcourt.coordinator.validation.Validation;
import fullcourt.coordinator.validation.ValidationCheck;
import fullcourt.coordinator.validation.Validator;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** {@code GET /validation?from=D&to=D[&phase=N]}: the warehouse checked over a range (the CLI's validate). */
@Path("/validation")
@Tag(name = "warehouse")
@Produces(MediaType.APPLICATION_JSON)
public class ValidationResource {

    /**
     * The report as JSON: every check with its numbers, the verdict, the stale partitions (reported, not judged),
     * each check as a line with its status (the dashboard's warehouse view), and the text the CLI prints.
     */
    public record ValidationView(LocalDate from, LocalDate to, Integer phase, boolean passed, List<TableCoverage> coverage,
                                 List<FieldCheck> fieldChecks, String season, List<SystemAccuracy> accuracy,
                                 StalePartitions stale, List<ValidationCheck> checks, String report) {
        static ValidationView of(Validation v) {
            return new ValidationView(v.from(), v.to(), v.phase().orElse(null), v.passed(), v.coverage(), v.fieldChecks(),
                    v.season(), v.accuracy(), v.stale(), v.checks(), v.render() + (v.passed() ? "PASSED" : "FAILED"));
        }
    }

    @Inject
    Validator validator;
    @Inject
    CoordinatorConfig config;

    @GET
    @Operation(summary = "Validate the warehouse over a range",
            description = "Coverage of every table (game dates present / expected), the runbooks' field checks, the"
                    + " trained model against the baseline, and stale partitions (reported, not judged); what"
                    + " `fullcourt validate` prints. A failed validation also notifies the webhook, when one is set.")
    @APIResponse(responseCode = "200", description = "The report; passed says whether every check passed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "ok", value = ApiExamples.VALIDATION)))
    @APIResponse(responseCode = "400", description = "A bad or missing parameter, or a range longer than max-range-days",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "400", value = "{\"message\": \"to is required, e.g. to=2024-01-15\"}")))
    public ValidationView validate(
            @Parameter(description = "First date", required = true, example = "2024-01-01")
            @QueryParam("from") String from,
            @Parameter(description = "Last date", required = true, example = "2024-01-31")
            @QueryParam("to") String to,
            @Parameter(description = "Only this phase (3 to 6)", example = "3")
            @QueryParam("phase") Integer phase) {
        if (phase != null && (phase < 3 || phase > 6)) {
            throw new BadParameter("phase must be 3, 4, 5 or 6, got " + phase);
        }
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        // the same bound as a request's range: a huge range would keep a core busy after the client gave up
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days > config.maxRangeDays()) {
            throw new BadParameter("from/to: " + first + " .. " + last + " covers " + days + " days, more than the"
                    + " limit of " + config.maxRangeDays() + " (fullcourt.coordinator.max-range-days): validate it in"
                    + " parts");
        }
        try {
            return ValidationView.of(validator.validate(first, last, Optional.ofNullable(phase)));
        } catch (IllegalArgumentException e) {
            throw new BadParameter(e.getMessage());
        }
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameter(name + " is required, e.g. " + name + "=2024-01-15");
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadParameter(name + ": expected a date YYYY-MM-DD, got '" + text + "'");
        }
    }
}
