package fullcourt.bench.capacity;

import fullcourt.coordinator.TaskKey;
import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.catalog.SeasonCalendar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-date task durations drawn from the runbooks' figures (PLATFORM-FACTS.md, "Durations
 * observed"): each processor's mean is its sequential wall time divided by the dates it covered,
 * and each (processor, date) draws from a lognormal with that mean (coefficient of variation
 * {@code cv}), seeded by the task, so every policy sees the same durations. Tasks that skip (no
 * games, bootstrap days) take {@link #SKIP_MILLIS}. Optionally player_game_summary has worst days:
 * with probability {@code stragglerRate} a date takes 1.7 to 2.8 hours (its shot-zone queries).
 */
public final class RunbookDurations implements TaskDurations {

    /** A skip is one schedule lookup. */
    public static final long SKIP_MILLIS = 1_000;

    private static final double HOUR = 3_600_000;
    private static final int GAME_DATES = 918;
    /** Phase 4-6 game dates once the first 14 days of each season are left out (840-850 of 918). */
    private static final int PHASE4_DATES = 845;

    /** Mean milliseconds per game date, with the runbook figure each comes from. */
    public static final Map<String, Double> MEAN_MILLIS = means();

    private static Map<String, Double> means() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("team_offense_game_summary", 73 * HOUR / 1_499);     // 73 h sequential over 1,499 dates
        m.put("team_defense_game_summary", 10 * HOUR / GAME_DATES); // 10 h sequential
        m.put("player_game_summary", 120 * HOUR / GAME_DATES);     // 120+ h sequential
        m.put("upcoming_team_game_context", 17 * HOUR / GAME_DATES); // 17 h sequential
        m.put("upcoming_player_game_context", 2 * 60_000.0);      // "about 2 min per date"
        m.put("team_defense_zone_analysis", 2 * HOUR / PHASE4_DATES); // group 1: 3-5 h for both tables
        m.put("player_shot_zone_analysis", 2 * HOUR / PHASE4_DATES);
        m.put("player_composite_factors", 9 * HOUR / PHASE4_DATES);   // 8-10 h sequential
        m.put("player_daily_cache", 2.5 * HOUR / PHASE4_DATES);       // group 3: 2-3 h
        m.put("ml_feature_store_v2", 2.5 * HOUR / PHASE4_DATES);      // group 4: 2-3 h
        m.put("player_prop_predictions", 5 * HOUR / PHASE4_DATES);    // 5A: 5 h
        m.put("prediction_accuracy", 0.5 / 3 * HOUR / PHASE4_DATES);  // 5B: 30 min for 3 tables
        m.put("system_daily_performance", 0.5 / 3 * HOUR / PHASE4_DATES);
        m.put("player_prediction_performance", 0.5 / 3 * HOUR / PHASE4_DATES);
        m.put("scoring_tier_adjustments", 0.5 * HOUR / PHASE4_DATES); // 5C: 30 min
        m.put("results_export", 0.25 * HOUR / GAME_DATES);            // phase 6: 1 h for the exporters
        m.put("predictions_export", 0.25 * HOUR / PHASE4_DATES);
        m.put("best_bets_export", 0.25 * HOUR / PHASE4_DATES);
        m.put("system_performance_export", 0.25 * HOUR / PHASE4_DATES);
        return Map.copyOf(m);
    }

    private final Catalog catalog;
    private final SeasonCalendar calendar;
    private final long seed;
    private final double sigma;
    private final double stragglerRate;

    public RunbookDurations(Catalog catalog, SeasonCalendar calendar, long seed, double cv, double stragglerRate) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.seed = seed;
        this.sigma = Math.sqrt(Math.log(1 + cv * cv));
        this.stragglerRate = stragglerRate;
    }

    @Override
    public boolean skips(TaskKey task) {
        return !calendar.isGameDate(task.date())
                || catalog.get(task.processor()).dateDomain().isBootstrap(task.date(), calendar);
    }

    @Override
    public long millis(TaskKey task) {
        if (skips(task)) {
            return SKIP_MILLIS;
        }
        Double mean = MEAN_MILLIS.get(task.processor());
        if (mean == null) {
            throw new IllegalArgumentException("no runbook duration for " + task.processor());
        }
        // SplittableRandom mixes its seed: java.util.Random's first draws from nearby seeds correlate
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + task.hashCode());
        if (task.processor().equals("player_game_summary") && random.nextDouble() < stragglerRate) {
            return Math.round((1.7 + 1.1 * random.nextDouble()) * HOUR);
        }
        // lognormal with the runbook mean: mu = ln(mean) - sigma^2 / 2
        double mu = Math.log(mean) - sigma * sigma / 2;
        return Math.max(1, Math.round(Math.exp(mu + sigma * random.nextGaussian())));
    }
}
