package fullcourt.drills;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** bench/DRILLS.md: how the drills were run, then per drill what was injected, checked, and found. */
final class DrillReport {

    private DrillReport() {
    }

    /** What the drills exposed while they were written, and what was changed for it. */
    static final String FINDINGS = """

            ## Found by the drills

            - **Bug, fixed: the embedded Pub/Sub emulator outlived a JVM killed with kill -9.** It is a child
              process stopped by a shutdown hook, which kill -9 (or the OOM killer) never runs; the orphan kept
              its port (8085 by default), so "run the same command again and it resumes" failed on "port in
              use". `PubSubEmulator` now starts a watchdog (`sh`) that stops the emulator within a second of its
              JVM's death. Regression test: `infra/.../PubSubEmulatorOrphanTest` (fails without the fix: the
              emulator is still running 20 s after its JVM was killed). The crash drill kills the JVM alone and
              checks that its emulator stops by itself.
            - **Bug, fixed: export files were not reproducible.** Parallel aggregates (AVG in
              system_daily_performance) add in whatever order DuckDB's threads finish, so the last bits differ
              between runs (mae 4.406965174129353 vs ...354); the tables compare equal at 9 decimals, but
              system_performance_export wrote the raw doubles, so every re-run of a date rewrote its file with a
              new hash. `Rows.decimal` (publishing) now rounds to 9 places; regression test `RowsTest`.
            - **By design, not a bug:** a write cut short by a crash can leave a stray `.NAME*.tmp` in the export
              directory (the local sink writes a temporary file and renames it atomically: never a half
              document). The export checksum leaves such files out and the crash drill counts them.
            - **Tuning: additive increase must not restart on every quota error.** A first AIMD version reset
              its count of successes on each quota error; at a steady 30% error rate five successes in a row
              happen with probability 0.7^5 = 17%, so the limit sat at the floor. Now, as in TCP, a decrease
              happens at most once per cooldown (5 s) and restarts the count; errors within the cooldown do not.
            - **Quota drill setting:** at 30% quota errors and the default 5 delivery attempts, a task dies with
              probability 0.3^5 = 0.24%, about one dead task per 400. The drill uses 10 delivery attempts
              (0.3^10 = 6e-6). In production the BigQuery adapter retries rate limits itself first
              (`fullcourt.warehouse.bigquery.max-attempts`), so a quota error reaching the worker is rarer.
            """;

    /** A range the drills ran on and its undisturbed run: how long it took, its checksums. */
    record Scope(LocalDate from, LocalDate to, long baselineSeconds, Map<String, String> expected) {
    }

    /** {@code season}: the crash drill's whole-season scope, null when the crash drill did not run. */
    static String render(List<DrillResult> results, Scope window, Scope season, long seed, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("# Reliability drills\n\n");
        out.append("Command (builds the all-in-one, then runs every drill against it and rewrites this file):\n\n");
        out.append("    bench/drills/run                      # all drills\n");
        out.append("    bench/drills/run -Ddrills.only=crash,quota   # some of them\n\n");
        out.append("Each drill runs the packaged all-in-one (`services/local/target/quarkus-app/quarkus-run.jar`: Pub/Sub\n");
        out.append("emulator, coordinator, every phase's worker, DuckDB) as a subprocess in its own directory under\n");
        out.append("`drills/target/drill-runs/`, starting from the same generated raw season (2021-22, seed 42), on the\n");
        out.append("backfill of every phase (3 to 6, cascade) from ").append(window.from()).append(" to ").append(window.to())
                .append(" (phases 4-6 skip the first 14 days: bootstrap)");
        if (season != null) {
            out.append("; the crash drill on the whole season, ").append(season.from()).append(" to ")
                    .append(season.to());
        }
        out.append(". Faults are set with `fullcourt.faults.*`\n");
        out.append("system properties (off by default). Drill seed ").append(seed).append(".\n\n");
        out.append("The undisturbed run took ").append(window.baselineSeconds());
        if (season != null) {
            out.append(" s (").append(season.baselineSeconds()).append(" s on the whole season)");
        } else {
            out.append(" s");
        }
        out.append(" and gives the reference: ")
                .append(window.expected() == null ? 0 : window.expected().size())
                .append(" checksums, one per output table (row count and md5 of all rows as text, sorted; doubles rounded")
                .append(" to 9 decimals) and one over the export files. Every drill's warehouse is compared with it.\n\n");
        out.append("| drill | result | time |\n|---|---|---|\n");
        for (DrillResult r : results) {
            out.append("| ").append(r.name).append(" | ").append(r.passed() ? "PASS" : "FAIL").append(" | ")
                    .append(r.seconds).append(" s |\n");
        }
        out.append("\nAll drills: ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart()).append(" s.\n");
        out.append(FINDINGS);
        for (DrillResult r : results) {
            out.append("\n## ").append(r.name).append(": ").append(r.passed() ? "PASS" : "FAIL").append("\n\n");
            out.append("**Injected:** ").append(r.injected).append("\n\n**Checked:**\n\n");
            r.checks.forEach(c -> out.append("- ").append(c).append('\n'));
            if (!r.numbers.isEmpty()) {
                out.append("\n**Numbers:**\n\n");
                r.numbers.forEach(n -> out.append("- ").append(n).append('\n'));
            }
        }
        return out.toString();
    }
}
