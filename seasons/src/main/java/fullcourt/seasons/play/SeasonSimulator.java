package fullcourt.seasons.play;

import fullcourt.seasons.Season;
import fullcourt.seasons.league.Conference;
import fullcourt.seasons.league.League;
import fullcourt.seasons.league.Player;
import fullcourt.seasons.league.Team;
import fullcourt.seasons.league.TeamSeason;
import fullcourt.seasons.schedule.ScheduledGame;
import fullcourt.seasons.schedule.SeasonType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Plays a season in date order: the regular season from its schedule, then a 16-team playoff of
 * best-of-seven series seeded by conference record. Carries what links games: rest days, form,
 * injuries (a few consecutive games out), nights off for veteran stars on back-to-backs, and
 * each player's recent scoring, from which prop lines are set when the date is in the window
 * the odds source still covers.
 */
public final class SeasonSimulator {

    private static final String[] INJURIES = {
        "Injury: ankle", "Injury: knee", "Injury: hamstring", "Injury: back", "Injury: calf", "Injury: wrist"};
    private static final int[][] ODDS = {{-110, -110}, {-110, -110}, {-115, -105}, {-105, -115}, {-120, 100}, {100, -120}};
    /** Playoff round start, days after the playoffs open; a seven-game series takes 13 days. */
    private static final int[] ROUND_START = {0, 16, 32, 48};

    private final Season season;
    private final League league;
    private final RandomGenerator random;
    private final RandomGenerator propRandom;
    private final LocalDate propLinesFrom;
    private final GameSimulator simulator;
    private final Map<String, PlayerState[]> forms = new HashMap<>();
    private final Map<String, LocalDate> lastGame = new HashMap<>();
    private final Map<String, int[]> record = new HashMap<>(); // wins, losses, point differential
    private final Set<LocalDate> gameDates = new HashSet<>();
    private int overtimeGames;
    private String champion;

    /**
     * @param random drives the games
     * @param propRandom drives prop lines only, so the games are the same whether or not a date has lines
     * @param propLinesFrom first date with prop lines, or null when the season has none
     */
    public SeasonSimulator(Season season, League league, RandomGenerator random, RandomGenerator propRandom,
            LocalDate propLinesFrom) {
        this.season = season;
        this.league = league;
        this.random = random;
        this.propRandom = propRandom;
        this.propLinesFrom = propLinesFrom;
        this.simulator = new GameSimulator(random);
        for (TeamSeason ts : league.inTeamOrder()) {
            PlayerState[] f = new PlayerState[ts.roster().size()];
            for (int i = 0; i < f.length; i++) {
                f[i] = new PlayerState(random);
            }
            forms.put(ts.team().code(), f);
            record.put(ts.team().code(), new int[3]);
        }
    }

    public SeasonOutcome simulate(List<ScheduledGame> regularSeason, SeasonRows out) {
        for (ScheduledGame game : regularSeason) {
            play(game, out);
        }
        int playoffGames = playoffs(out);
        return new SeasonOutcome(regularSeason.size(), playoffGames, gameDates.size(), overtimeGames, champion);
    }

    private GameResult play(ScheduledGame game, SeasonRows out) {
        out.scheduled(game);
        TeamGameContext home = context(game, game.home(), true);
        TeamGameContext away = context(game, game.away(), false);
        if (propLinesFrom != null && !game.date().isBefore(propLinesFrom)) {
            propLines(game, home, out);
            propLines(game, away, out);
        }
        GameResult result = simulator.play(game, home, away);
        out.played(result);
        afterGame(game, game.home().code(), result.home());
        afterGame(game, game.away().code(), result.away());
        int margin = result.homePoints() - result.awayPoints();
        standings(game.home().code(), margin);
        standings(game.away().code(), -margin);
        gameDates.add(game.date());
        if (result.overtimePeriods() > 0) {
            overtimeGames++;
        }
        return result;
    }

    private TeamGameContext context(ScheduledGame game, Team team, boolean home) {
        TeamSeason ts = league.team(team.code());
        LocalDate last = lastGame.get(team.code());
        int rest = last == null ? 3 : (int) Math.min(5, ChronoUnit.DAYS.between(last, game.date()) - 1);
        PlayerState[] f = forms.get(team.code());
        double[] form = new double[f.length];
        String[] unavailable = new String[f.length];
        for (int i = 0; i < f.length; i++) {
            form[i] = f[i].form;
            Player p = ts.roster().get(i);
            if (f[i].gamesOut > 0) {
                unavailable[i] = f[i].injury;
            } else if (rest == 0 && i < 3 && game.type() == SeasonType.REGULAR
                    && (season.startYear() - p.birthYear() >= 31 || p.quality() >= 2.2)
                    && random.nextDouble() < 0.15) {
                unavailable[i] = "Rest"; // load management on the second night
            } else if (random.nextDouble() < 0.002) {
                unavailable[i] = "Illness";
            }
        }
        return new TeamGameContext(ts, home, rest, form, unavailable);
    }

    /** Lines for rotation players expected to play, set at their last-ten-games average rounded to a half point. */
    private void propLines(ScheduledGame game, TeamGameContext team, SeasonRows out) {
        PlayerState[] f = forms.get(team.team().team().code());
        for (int i = 0; i < f.length; i++) {
            if (team.unavailable()[i] != null || f[i].gamesPlayed() < 3 || f[i].recentMinutes() < 18.0) {
                continue;
            }
            double line = Math.floor(f[i].recentPoints()) + 0.5;
            int[] odds = ODDS[propRandom.nextInt(ODDS.length)];
            out.propLine(new PropLine(game.gameId(), game.date(), team.team().roster().get(i).id(), line,
                    odds[0], odds[1], game.date().atTime(15, 0).plusMinutes(propRandom.nextInt(240))));
        }
    }

    private void afterGame(ScheduledGame game, String code, List<PlayerLine> lines) {
        PlayerState[] f = forms.get(code);
        for (PlayerLine line : lines) {
            PlayerState pf = f[line.rosterIndex()];
            pf.drift(random);
            if (pf.gamesOut > 0) {
                pf.gamesOut--;
            }
            if (line.played()) {
                pf.played(line.points(), line.minutes());
                if (random.nextDouble() < 0.006 * line.minutes() / 30.0) {
                    pf.gamesOut = injuryLength();
                    pf.injury = INJURIES[random.nextInt(INJURIES.length)];
                }
            }
        }
        lastGame.put(code, game.date());
    }

    /** Mostly a game or two, sometimes a week or more. */
    private int injuryLength() {
        double roll = random.nextDouble();
        if (roll < 0.6) {
            return 1 + random.nextInt(2);
        }
        if (roll < 0.9) {
            return 3 + random.nextInt(4);
        }
        return 7 + random.nextInt(9);
    }

    private void standings(String code, int margin) {
        int[] r = record.get(code);
        r[margin > 0 ? 0 : 1]++;
        r[2] += margin;
    }

    private int playoffs(SeasonRows out) {
        int games = 0;
        List<List<Team>> bracket = new ArrayList<>();
        for (Conference conference : Conference.values()) {
            List<Team> seeds = seeded(conference);
            // bracket order: 1v8 and 4v5 meet in round two, as do 3v6 and 2v7
            int[] order = {0, 7, 3, 4, 2, 5, 1, 6};
            List<Team> ordered = new ArrayList<>();
            for (int k : order) {
                ordered.add(seeds.get(k));
            }
            bracket.add(ordered);
        }
        List<Team> alive = new ArrayList<>(bracket.get(0));
        alive.addAll(bracket.get(1));
        for (int round = 0; round < ROUND_START.length; round++) {
            List<Team> winners = new ArrayList<>();
            int seriesCount = alive.size() / 2;
            for (int s = 0; s < seriesCount; s++) {
                int stagger = s < Math.max(1, seriesCount / 2) ? 0 : 1;
                LocalDate first = season.playoffsStart().plusDays(ROUND_START[round] + stagger);
                Team a = alive.get(2 * s);
                Team b = alive.get(2 * s + 1);
                Team higher = better(a, b) ? a : b;
                Team lower = higher == a ? b : a;
                int higherWins = 0;
                int lowerWins = 0;
                for (int g = 0; higherWins < 4 && lowerWins < 4; g++) {
                    boolean higherHosts = g == 0 || g == 1 || g == 4 || g == 6;
                    ScheduledGame game = new ScheduledGame(first.plusDays(2L * g), SeasonType.PLAYOFFS,
                            higherHosts ? higher : lower, higherHosts ? lower : higher);
                    GameResult result = play(game, out);
                    games++;
                    if (result.homeWon() == higherHosts) {
                        higherWins++;
                    } else {
                        lowerWins++;
                    }
                }
                winners.add(higherWins == 4 ? higher : lower);
            }
            alive = winners;
        }
        champion = alive.get(0).code();
        return games;
    }

    private List<Team> seeded(Conference conference) {
        List<Team> teams = new ArrayList<>();
        for (TeamSeason ts : league.inTeamOrder()) {
            if (ts.team().conference() == conference) {
                teams.add(ts.team());
            }
        }
        teams.sort((x, y) -> x.equals(y) ? 0 : better(x, y) ? -1 : 1);
        return teams.subList(0, 8);
    }

    /** More wins, then better point differential, then team code: never a tie. */
    private boolean better(Team a, Team b) {
        int[] ra = record.get(a.code());
        int[] rb = record.get(b.code());
        if (ra[0] != rb[0]) {
            return ra[0] > rb[0];
        }
        if (ra[2] != rb[2]) {
            return ra[2] > rb[2];
        }
        return a.code().compareTo(b.code()) < 0;
    }
}
