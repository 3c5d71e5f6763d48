package fullcourt.seasons.play;

import fullcourt.seasons.league.Player;

/** One player's box score in one game, accumulated over regulation and overtime periods. */
public final class PlayerLine {

    final Player player;
    final int rosterIndex;
    boolean starter;
    String dnpReason;
    int minuteUnits;
    int fgm;
    int fga;
    int fg3m;
    int fg3a;
    int ftm;
    int fta;
    int oreb;
    int dreb;
    int ast;
    int stl;
    int blk;
    int tov;
    int pf;
    int plusMinus;

    PlayerLine(Player player, int rosterIndex) {
        this.player = player;
        this.rosterIndex = rosterIndex;
    }

    public Player player() {
        return player;
    }

    public int rosterIndex() {
        return rosterIndex;
    }

    public boolean played() {
        return dnpReason == null;
    }

    public boolean starter() {
        return starter;
    }

    /** Null when the player did not play. */
    public String dnpReason() {
        return dnpReason;
    }

    public double minutes() {
        return minuteUnits / (double) MinuteAllocator.UNITS_PER_MINUTE;
    }

    public int points() {
        return 2 * fgm + fg3m + ftm;
    }

    public int fgm() {
        return fgm;
    }

    public int fga() {
        return fga;
    }

    public int fg3m() {
        return fg3m;
    }

    public int fg3a() {
        return fg3a;
    }

    public int ftm() {
        return ftm;
    }

    public int fta() {
        return fta;
    }

    public int oreb() {
        return oreb;
    }

    public int dreb() {
        return dreb;
    }

    public int ast() {
        return ast;
    }

    public int stl() {
        return stl;
    }

    public int blk() {
        return blk;
    }

    public int tov() {
        return tov;
    }

    public int pf() {
        return pf;
    }

    public int plusMinus() {
        return plusMinus;
    }
}
