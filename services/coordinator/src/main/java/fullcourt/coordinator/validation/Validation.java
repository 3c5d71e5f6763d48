package fullcourt.coordinator.validation;

import fullcourt.coordinator.validation.ValidationCheck.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a backfill left in the warehouse over a date range, checked: each processor's table
 * against the dates it should cover (no-game and bootstrap days accounted for), the runbooks'
 * field checks, and the trained prediction system against the moving-average baseline on the
 * range's last season; and the range's stale partitions, reported but not judged ({@link #passed()}
 * ignores them).
 */
public record Validation(LocalDate from, LocalDate to, Optional<Integer> phase, List<TableCoverage> coverage,
                         List<FieldCheck> fieldChecks, String season, List<SystemAccuracy> accuracy,
                         StalePartitions stale) {

    public static final String TRAINED = "xgboost";
    public static final String BASELINE = "moving_average";

    public Optional<SystemAccuracy> system(String name) {
        return accuracy.stream().filter(a -> a.system().equals(name)).findFirst();
    }

    /** Whether the trained system's MAE beats the baseline's (false when either is absent). */
    public boolean trainedBeatsBaseline() {
        return system(TRAINED).flatMap(t -> system(BASELINE).map(b -> t.mae() < b.mae())).orElse(false);
    }

    /**
     * Whether the accuracy comparison is in scope: phase 5 validated (or every phase) and graded
     * predictions expected in the range (none in a range of bootstrap days only).
     */
    public boolean judgesAccuracy() {
        return (phase.isEmpty() || phase.get() == 5) && gradedPredictionsExpected();
    }

    private boolean gradedPredictionsExpected() {
        return coverage.stream().filter(c -> c.table().equals(SystemAccuracy.TABLE)).anyMatch(c -> c.expected() > 0);
    }

    /** Whether every check passed; stale partitions are reported, not a failure. */
    public boolean passed() {
        return coverage.stream().allMatch(TableCoverage::complete) && fieldChecks.stream().allMatch(FieldCheck::passed)
                && (!judgesAccuracy() || trainedBeatsBaseline());
    }

    /** Every check, in the report's order: each table's coverage, the field checks, the points accuracy. */
    public List<ValidationCheck> checks() {
        List<ValidationCheck> out = new ArrayList<>();
        coverage.forEach(c -> out.add(new ValidationCheck("coverage of " + c.processor(), ValidationCheck.of(c.complete()),
                c.table() + ": " + c.present() + " of " + c.expected() + " game dates" + (c.complete() ? ""
                        : "; " + c.missing().size() + " missing, first " + c.missing().get(0)))));
        fieldChecks.forEach(f -> out.add(new ValidationCheck(f.name(),
                f.notApplicable() != null ? Status.NOT_APPLICABLE : ValidationCheck.of(f.passed()),
                f.table() + ": " + (f.notApplicable() != null ? f.notApplicable()
                        : String.format(Locale.ROOT, "%.2f%% of %,d (needs >= %.0f%%)", 100 * f.share(), f.checked(),
                                100 * f.threshold())) + "; " + f.meaning())));
        String accuracy = TRAINED + " beats the " + BASELINE + " baseline";
        if ((phase.isEmpty() || phase.get() == 5) && !gradedPredictionsExpected()) {
            out.add(new ValidationCheck(accuracy, Status.NOT_JUDGED,
                    "no graded predictions expected in this range (bootstrap days only)"));
        }
        if (judgesAccuracy()) {
            out.add(new ValidationCheck(accuracy, ValidationCheck.of(trainedBeatsBaseline()), "points MAE, season "
                    + season + ": " + (this.accuracy.isEmpty() ? "no graded predictions" : String.join(", ",
                    this.accuracy.stream().map(a -> String.format(Locale.ROOT, "%s %.3f over %,d", a.system(), a.mae(),
                            a.predictions())).toList()))));
        }
        return out;
    }

    public String render() {
        StringBuilder out = new StringBuilder("Validation " + from + " .. " + to
                + phase.map(p -> ", phase " + p).orElse("") + "\n");
        out.append("Coverage (game dates, after bootstrap where the processor has one: present / expected):\n");
        coverage.forEach(c -> out.append(c.render()).append('\n'));
        if (!fieldChecks.isEmpty()) {
            out.append("Field checks (runbooks):\n");
            fieldChecks.forEach(c -> out.append(c.render()).append('\n'));
        }
        if ((phase.isEmpty() || phase.get() == 5) && !gradedPredictionsExpected()) {
            out.append("Points prediction accuracy: not judged, no graded predictions expected in this range"
                    + " (bootstrap days only)\n");
        }
        if (judgesAccuracy()) {
            out.append("Points prediction accuracy, season ").append(season).append(":\n");
            accuracy.forEach(a -> out.append(a.render()).append('\n'));
            out.append(trainedBeatsBaseline()
                    ? "  ok: " + TRAINED + " beats the " + BASELINE + " baseline\n"
                    : "  FAILED: " + TRAINED + " does not beat the " + BASELINE + " baseline\n");
        }
        out.append(stale.render());
        return out.toString();
    }
}
