package fullcourt.drills;

import java.util.ArrayList;
import java.util.List;

/** One drill's entry in the report: what was injected, what was checked, whether it held, and its numbers. */
final class DrillResult {

    final String name;
    final String injected;
    final List<String> checks = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    final List<String> numbers = new ArrayList<>();
    long seconds;

    DrillResult(String name, String injected) {
        this.name = name;
        this.injected = injected;
    }

    /** Records a check; a false one fails the drill with {@code what}. */
    DrillResult check(String what, boolean held) {
        checks.add((held ? "PASS " : "FAIL ") + what);
        if (!held) {
            failures.add(what);
        }
        return this;
    }

    DrillResult number(String what) {
        numbers.add(what);
        return this;
    }

    boolean passed() {
        return failures.isEmpty() && !checks.isEmpty();
    }
}
