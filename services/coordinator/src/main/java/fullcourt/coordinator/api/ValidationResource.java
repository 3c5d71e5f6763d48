package fullcourt.coordinator.api;

import fullcourt.coordinator.CoordinatorConfig;
import fullcourt.coordinator.validation.FieldCheck;
import fullcourt.coordinator.validation.StalePartitions;
import fullcourt.coordinator.validation.SystemAccuracy;
import fullcourt.coordinator.validation.TableCoverage;
import fullcourt.coordinator.validation.Validation;
import fullcourt.coordinator.validation.Validator;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** {@code GET /validation?from=D&to=D[&phase=N]}: the warehouse checked over a range (the CLI's validate). */
@Path("/validation")
@Produces(MediaType.APPLICATION_JSON)
public class ValidationResource {

    /**
     * The report as JSON: every check with its numbers, the verdict, the stale partitions (reported, not judged),
     * and the text the CLI prints.
     */
    public record ValidationView(LocalDate from, LocalDate to, Integer phase, boolean passed, List<TableCoverage> coverage,
                                 List<FieldCheck> fieldChecks, String season, List<SystemAccuracy> accuracy,
                                 StalePartitions stale, String report) {
        static ValidationView of(Validation v) {
            return new ValidationView(v.from(), v.to(), v.phase().orElse(null), v.passed(), v.coverage(), v.fieldChecks(),
                    v.season(), v.accuracy(), v.stale(), v.render() + (v.passed() ? "PASSED" : "FAILED"));
        }
    }

    @Inject
    Validator validator;
    @Inject
    CoordinatorConfig config;

    @GET
    public ValidationView validate(@QueryParam("from") String from, @QueryParam("to") String to,
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
