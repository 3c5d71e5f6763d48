package fullcourt.seasons.play;

import fullcourt.seasons.league.Player;
import fullcourt.seasons.league.Tendencies;
import fullcourt.seasons.schedule.ScheduledGame;
import fullcourt.seasons.schedule.SeasonType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Plays one game shot by shot into box scores and play-by-play that agree by construction: a
 * player's points are 2*FGM + 3PM + FTM, team totals are sums of player lines, every field-goal
 * attempt is one shot event, every assist is credited on a teammate's made shot, rebounds come
 * from misses, steals from the other team's turnovers, blocks from its misses.
 *
 * <p>What a model could learn is built in as multipliers on make probabilities and usage: the
 * opponent's defense (about 3% of make probability per standard deviation), home court (about
 * 1.5 points), rest (a back-to-back costs starters minutes and shooting), each player's slowly
 * drifting form, and minutes themselves.
 */
public final class GameSimulator {

    private static final int REGULATION_UNITS = 240 * MinuteAllocator.UNITS_PER_MINUTE;
    private static final int QUARTER_UNITS = REGULATION_UNITS / 4;
    private static final int THREE_QUARTERS_UNITS = REGULATION_UNITS - QUARTER_UNITS;
    private static final int OVERTIME_UNITS = 25 * MinuteAllocator.UNITS_PER_MINUTE;
    private static final int UNITS_PER_36 = 36 * MinuteAllocator.UNITS_PER_MINUTE;
    private static final int MAX_OVERTIMES = 4;
    /** Shot sequences (possessions ending in a shot) per 48 minutes: about 88 attempts with offensive rebounds. */
    private static final double SEQUENCES_PER_GAME = 77.0;
    private static final double OFFENSIVE_REBOUND = 0.22;
    /** The rest are team rebounds, which no player is credited with. */
    private static final double CREDITED_DEFENSIVE_REBOUND = 0.89;

    /** Minutes by rank among the players who play, on a normal night. */
    private static final double[] BASE_MINUTES = {
        35.5, 34.0, 32.0, 30.0, 28.0, 24.5, 22.0, 19.0, 16.0, 12.0, 8.0, 6.0, 4.5, 3.5, 3.0};

    /** Share of close regulation finishes (within 3) that the trailing team ties at the buzzer. */
    private static final double LATE_TIE = 0.25;

    private final RandomGenerator random;

    public GameSimulator(RandomGenerator random) {
        this.random = random;
    }

    public GameResult play(ScheduledGame game, TeamGameContext home, TeamGameContext away) {
        boolean playoffs = game.type() == SeasonType.PLAYOFFS;
        Side h = new Side(home, playoffs);
        Side a = new Side(away, playoffs);
        h.makeFactor = makeFactor(home, away);
        a.makeFactor = makeFactor(away, home);
        double gamePace = Math.exp(0.025 * (home.team().pace() + away.team().pace()) / 2 + 0.045 * random.nextGaussian());
        List<ShotEvent> shots = new ArrayList<>();

        double[] homeWeights = regulationWeights(h, playoffs);
        double[] awayWeights = regulationWeights(a, playoffs);
        h.allocate(homeWeights, THREE_QUARTERS_UNITS, 36 * MinuteAllocator.UNITS_PER_MINUTE);
        a.allocate(awayWeights, THREE_QUARTERS_UNITS, 36 * MinuteAllocator.UNITS_PER_MINUTE);
        segment(h, a, gamePace, 1, 3, shots);
        fourthQuarter(h, a, homeWeights, awayWeights, gamePace, shots);
        int diff = h.points() - a.points();
        if (diff != 0 && Math.abs(diff) <= 3 && random.nextDouble() < LATE_TIE) {
            tieUp(diff > 0 ? a : h, Math.abs(diff), shots);
        }
        int overtimes = 0;
        while (h.points() == a.points()) {
            if (overtimes == MAX_OVERTIMES) {
                tieUp(random.nextBoolean() ? h : a, 1, shots); // a free throw settles it
                break;
            }
            overtimes++;
            h.allocate(overtimeWeights(h), OVERTIME_UNITS, 5 * MinuteAllocator.UNITS_PER_MINUTE);
            a.allocate(overtimeWeights(a), OVERTIME_UNITS, 5 * MinuteAllocator.UNITS_PER_MINUTE);
            segment(h, a, gamePace, 4 + overtimes, 1, shots);
        }
        plusMinus(h, a);
        plusMinus(a, h);
        shots.sort(Comparator.comparingInt(ShotEvent::period).thenComparingDouble(ShotEvent::order));
        return new GameResult(game, overtimes, List.copyOf(h.lines), List.copyOf(a.lines), shots);
    }

    /**
     * The fourth quarter closes gaps, as real ones do: the leader eases off and the trailer
     * presses (make probabilities move 0.6% per point of lead, up to 30), and in a blowout of 20
     * or more both benches play, which is when starters log their short nights.
     */
    private void fourthQuarter(Side h, Side a, double[] homeWeights, double[] awayWeights, double gamePace,
            List<ShotEvent> shots) {
        int lead = h.points() - a.points();
        boolean blowout = Math.abs(lead) >= 20;
        h.allocate(fourthQuarterWeights(h, homeWeights, blowout), QUARTER_UNITS, 12 * MinuteAllocator.UNITS_PER_MINUTE);
        a.allocate(fourthQuarterWeights(a, awayWeights, blowout), QUARTER_UNITS, 12 * MinuteAllocator.UNITS_PER_MINUTE);
        double homeFactor = h.makeFactor;
        double awayFactor = a.makeFactor;
        double swing = 0.006 * Math.max(-30, Math.min(30, lead));
        h.makeFactor = homeFactor * (1.0 - swing);
        a.makeFactor = awayFactor * (1.0 + swing);
        segment(h, a, gamePace, 4, 1, shots);
        h.makeFactor = homeFactor;
        a.makeFactor = awayFactor;
    }

    /** Regulation's weights again, benches emptied in a blowout; whoever fouled out sits. */
    private static double[] fourthQuarterWeights(Side side, double[] regulation, boolean blowout) {
        double[] weights = regulation.clone();
        int rank = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                if (blowout) {
                    weights[i] *= rank < 5 ? 0.45 : rank >= 8 ? 2.5 : 1.0;
                }
                if (side.lines.get(i).pf >= 6) {
                    weights[i] = 0;
                }
                rank++;
            }
        }
        return weights;
    }

    private double makeFactor(TeamGameContext team, TeamGameContext opponent) {
        double night = Math.exp(0.015 * random.nextGaussian());
        double defense = 1.0 - 0.03 * opponent.team().defense();
        double offense = 1.0 + 0.02 * team.team().offense();
        double venue = team.home() ? 1.0115 : 0.9885;
        double rest = team.backToBack() ? 0.975 : team.restDays() >= 2 ? 1.005 : 1.0;
        return night * defense * offense * venue * rest;
    }

    private double[] regulationWeights(Side side, boolean playoffs) {
        double[] weights = new double[side.lines.size()];
        int rank = 0;
        for (int i = 0; i < weights.length; i++) {
            PlayerLine line = side.lines.get(i);
            if (!line.played()) {
                continue;
            }
            double base = BASE_MINUTES[Math.min(rank, BASE_MINUTES.length - 1)];
            if (playoffs) {
                base = rank < 5 ? base + 3.0 : rank >= 8 ? base * 0.6 : base;
            }
            if (side.context.backToBack() && rank < 5) {
                base *= 0.94;
            }
            line.starter = rank < 5;
            weights[i] = base * Math.exp(0.12 * random.nextGaussian());
            rank++;
        }
        return weights;
    }

    /** Overtime goes to the players who carried regulation, except those who fouled out. */
    private static double[] overtimeWeights(Side side) {
        double[] weights = new double[side.lines.size()];
        for (int i = 0; i < weights.length; i++) {
            PlayerLine line = side.lines.get(i);
            if (line.played() && line.pf < 6) {
                double m = line.minuteUnits;
                weights[i] = m * m;
            }
        }
        return weights;
    }

    private void segment(Side h, Side a, double gamePace, int firstPeriod, int periods, List<ShotEvent> shots) {
        int homeFreeThrowMisses = attack(h, a, gamePace, firstPeriod, periods, shots);
        int awayFreeThrowMisses = attack(a, h, gamePace, firstPeriod, periods, shots);
        reboundFreeThrows(h, a, homeFreeThrowMisses);
        reboundFreeThrows(a, h, awayFreeThrowMisses);
    }

    /**
     * One team's possessions of a segment: shots with their assists, blocks and rebounds, then
     * free throws, turnovers with the defense's steals, and fouls. Returns the missed free throws.
     */
    private int attack(Side off, Side def, double gamePace, int firstPeriod, int periods, List<ShotEvent> shots) {
        int n = off.lines.size();
        int units = 0;
        double[] usage = new double[n];
        double[] touch = new double[n];
        for (int i = 0; i < n; i++) {
            int u = off.segmentUnits[i];
            if (u > 0) {
                units += u;
                Player p = off.lines.get(i).player;
                usage[i] = u * p.shotsPer36() * Math.exp(off.context.form()[i] + 0.25 * random.nextGaussian());
                touch[i] = off.makeFactor * Math.exp(0.3 * off.context.form()[i]);
            }
        }
        WeightedPick shooters = new WeightedPick(usage);
        WeightedPick passers = new WeightedPick(off.onCourt(Tendencies::assistWeight));
        WeightedPick offensiveRebounders = new WeightedPick(off.onCourt(Tendencies::offensiveReboundWeight));
        WeightedPick blockers = new WeightedPick(def.onCourt(Tendencies::blockWeight));
        WeightedPick stealers = new WeightedPick(def.onCourt(Tendencies::stealWeight));
        WeightedPick defensiveRebounders = new WeightedPick(def.onCourt(Tendencies::defensiveReboundWeight));
        // shot sequences: a miss the offense rebounds gives another attempt, so a cold night
        // partly makes up for itself in attempts, as possessions do (about 88 FGA a game)
        double mean = SEQUENCES_PER_GAME * gamePace * (1.0 - 0.012 * def.context.team().defense()) * units / REGULATION_UNITS;
        int sequences = Math.max(0, (int) Math.round(mean + 0.3 * Math.sqrt(mean) * random.nextGaussian()));
        int freeThrowMisses = 0;
        int putback = -1;
        while (sequences > 0) {
            int i = putback >= 0 ? putback : shooters.next(random);
            PlayerLine line = off.lines.get(i);
            Tendencies t = line.player.tendencies();
            Zone zone = putback >= 0 ? Zone.PAINT
                    : random.nextDouble() < t.threeRate() ? Zone.THREE
                    : random.nextDouble() < t.paintShare() ? Zone.PAINT : Zone.MID_RANGE;
            putback = -1;
            double p = makeProbability(line.player, zone, touch[i]);
            boolean made = random.nextDouble() < p;
            boolean assisted = false;
            line.fga++;
            if (zone == Zone.THREE) {
                line.fg3a++;
            }
            if (made) {
                sequences--;
                line.fgm++;
                if (zone == Zone.THREE) {
                    line.fg3m++;
                }
                double assistedChance = Draws.clamp(t.assistedShare() * (zone == Zone.THREE ? 1.3 : 0.85), 0, 0.97);
                if (random.nextDouble() < assistedChance) {
                    int passer = passers.nextExcept(random, i);
                    if (passer >= 0) {
                        off.lines.get(passer).ast++;
                        assisted = true;
                    }
                }
            } else {
                double blockChance = zone == Zone.PAINT ? 0.22 : zone == Zone.MID_RANGE ? 0.09 : 0.03;
                if (random.nextDouble() < blockChance) {
                    int blocker = blockers.next(random);
                    if (blocker >= 0) {
                        def.lines.get(blocker).blk++;
                    }
                }
                if (random.nextDouble() < OFFENSIVE_REBOUND) {
                    int rebounder = offensiveRebounders.next(random);
                    off.lines.get(rebounder).oreb++;
                    if (random.nextDouble() < 0.35) {
                        putback = rebounder;
                    }
                } else {
                    sequences--;
                    if (random.nextDouble() < CREDITED_DEFENSIVE_REBOUND) {
                        def.lines.get(defensiveRebounders.next(random)).dreb++;
                    }
                }
            }
            int period = firstPeriod + random.nextInt(periods);
            shots.add(new ShotEvent(period, random.nextDouble(), off.context.team().team().code(),
                    line.player.id(), zone, made, assisted));
        }
        for (int i = 0; i < n; i++) {
            int u = off.segmentUnits[i];
            if (u == 0) {
                continue;
            }
            PlayerLine line = off.lines.get(i);
            Player p = line.player;
            Tendencies t = p.tendencies();
            // free throws follow this segment's shooting: drives draw fouls
            int fga = line.fga - off.fgaBefore[i];
            int fta = Draws.poisson(random, fga * t.freeThrowRate() * (1.0 + 0.08 * p.quality()));
            int ftm = Draws.binomial(random, fta, t.freeThrowPct() * Math.exp(0.1 * off.context.form()[i]));
            line.fta += fta;
            line.ftm += ftm;
            freeThrowMisses += fta - ftm;
            double per36 = u / (double) UNITS_PER_36;
            int tov = Draws.poisson(random, per36 * t.turnoverRate() * p.shotsPer36() / 13.0
                    * (1.0 + 0.06 * def.context.team().defense()) * (off.context.backToBack() ? 1.05 : 1.0));
            line.tov += tov;
            for (int k = 0; k < tov; k++) {
                if (random.nextDouble() < 0.52) {
                    int stealer = stealers.next(random);
                    if (stealer >= 0) {
                        def.lines.get(stealer).stl++;
                    }
                }
            }
            line.pf = Math.min(6, line.pf + Draws.poisson(random, per36 * t.foulRate()));
            off.fgaBefore[i] = line.fga;
        }
        return freeThrowMisses;
    }

    /** Zone base rate plus the player's efficiency, times game context and form ({@code touch}). */
    private static double makeProbability(Player player, Zone zone, double touch) {
        double base;
        double weight;
        switch (zone) {
            case PAINT -> {
                base = 0.60;
                weight = 1.0;
            }
            case MID_RANGE -> {
                base = 0.41;
                weight = 0.8;
            }
            default -> {
                base = 0.355;
                weight = 0.7;
            }
        }
        return Draws.clamp((base + weight * player.efficiency()) * touch, 0.05, 0.85);
    }

    /** Rebounds off missed last free throws; field-goal misses are rebounded as they happen. */
    private void reboundFreeThrows(Side off, Side def, int freeThrowMisses) {
        int chances = Draws.binomial(random, freeThrowMisses, 0.55); // only a trip's last attempt is live
        int offensive = Draws.binomial(random, chances, 0.12);
        int defensive = Draws.binomial(random, chances - offensive, CREDITED_DEFENSIVE_REBOUND);
        WeightedPick offensiveRebounders = new WeightedPick(off.onCourt(Tendencies::offensiveReboundWeight));
        WeightedPick defensiveRebounders = new WeightedPick(def.onCourt(Tendencies::defensiveReboundWeight));
        for (int k = 0; k < offensive; k++) {
            off.lines.get(offensiveRebounders.next(random)).oreb++;
        }
        for (int k = 0; k < defensive; k++) {
            def.lines.get(defensiveRebounders.next(random)).dreb++;
        }
    }

    /** The trailing team's go-to player scores exactly the margin late in the fourth quarter. */
    private void tieUp(Side trailing, int margin, List<ShotEvent> shots) {
        PlayerLine closer = null;
        for (PlayerLine line : trailing.lines) {
            if (line.played() && (closer == null || line.minuteUnits > closer.minuteUnits)) {
                closer = line;
            }
        }
        int period = 4;
        for (ShotEvent s : shots) {
            period = Math.max(period, s.period());
        }
        String team = trailing.context.team().team().code();
        if (margin == 1) {
            closer.fta++;
            closer.ftm++;
        } else if (margin == 2) {
            closer.fga++;
            closer.fgm++;
            shots.add(new ShotEvent(period, 1.0, team, closer.player.id(), Zone.PAINT, true, false));
        } else {
            closer.fga++;
            closer.fgm++;
            closer.fg3a++;
            closer.fg3m++;
            shots.add(new ShotEvent(period, 1.0, team, closer.player.id(), Zone.THREE, true, false));
        }
        trailing.fgaBefore[closer.rosterIndex] = closer.fga; // no free throws drawn for it in overtime
    }

    /**
     * Plus-minus: each player's share of five times the margin by minutes, plus on-court noise,
     * corrected so the team's sum is exactly five times its point differential.
     */
    private void plusMinus(Side side, Side other) {
        int diff = side.points() - other.points();
        int teamUnits = 0;
        for (PlayerLine l : side.lines) {
            teamUnits += l.minuteUnits;
        }
        int sum = 0;
        List<PlayerLine> played = new ArrayList<>();
        for (PlayerLine l : side.lines) {
            if (!l.played()) {
                continue;
            }
            double share = 5.0 * diff * l.minuteUnits / teamUnits;
            double noise = 6.0 * Math.sqrt(l.minuteUnits / (double) UNITS_PER_36) * random.nextGaussian();
            l.plusMinus = (int) Math.round(share + noise);
            sum += l.plusMinus;
            played.add(l);
        }
        played.sort(Comparator.comparingInt((PlayerLine l) -> -l.minuteUnits).thenComparingInt(l -> l.rosterIndex));
        int residual = 5 * diff - sum;
        for (int k = 0; residual != 0; k++) {
            PlayerLine l = played.get(k % played.size());
            int step = Integer.signum(residual);
            l.plusMinus += step;
            residual -= step;
        }
    }

    /** One team within a game being played. */
    private final class Side {
        final TeamGameContext context;
        final List<PlayerLine> lines = new ArrayList<>();
        final int[] segmentUnits;
        final int[] fgaBefore;
        double makeFactor;

        Side(TeamGameContext context, boolean playoffs) {
            this.context = context;
            List<Player> roster = context.team().roster();
            segmentUnits = new int[roster.size()];
            fgaBefore = new int[roster.size()];
            int rank = 0;
            for (int i = 0; i < roster.size(); i++) {
                PlayerLine line = new PlayerLine(roster.get(i), i);
                line.dnpReason = context.unavailable()[i];
                if (line.dnpReason == null) {
                    if (random.nextDouble() < coachesDecision(rank, playoffs)) {
                        line.dnpReason = "Coach's decision";
                    }
                    rank++;
                }
                lines.add(line);
            }
        }

        void allocate(double[] weights, int total, int cap) {
            int[] units = MinuteAllocator.allocate(weights, total, cap);
            for (int i = 0; i < units.length; i++) {
                segmentUnits[i] = units[i];
                lines.get(i).minuteUnits += units[i];
            }
        }

        /** Per roster slot: minutes on court this segment times a tendency, to share team events by. */
        double[] onCourt(ToDoubleFunction<Tendencies> tendency) {
            double[] weights = new double[lines.size()];
            for (int i = 0; i < weights.length; i++) {
                if (segmentUnits[i] > 0) {
                    weights[i] = segmentUnits[i] * tendency.applyAsDouble(lines.get(i).player.tendencies());
                }
            }
            return weights;
        }

        int points() {
            int sum = 0;
            for (PlayerLine l : lines) {
                sum += l.points();
            }
            return sum;
        }
    }

    /** Deep bench sits by the coach's choice; rotations shorten in the playoffs. */
    private static double coachesDecision(int rank, boolean playoffs) {
        if (rank <= 8) {
            return 0.0;
        }
        if (playoffs) {
            return rank == 9 ? 0.3 : rank == 10 ? 0.6 : 0.85;
        }
        return rank == 9 ? 0.12 : rank == 10 ? 0.3 : rank == 11 ? 0.55 : 0.75;
    }
}
