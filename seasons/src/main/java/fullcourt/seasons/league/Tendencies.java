package fullcourt.seasons.league;

/**
 * A player's fixed style, drawn once when he enters the league: what share of his shots are
 * threes, how many of his twos are in the paint, how often he gets to the line, and weights that
 * share his team's rebounds, assists, steals, blocks, turnovers and fouls among the players on
 * the floor.
 */
public record Tendencies(
        double threeRate,
        double paintShare,
        double freeThrowRate,
        double freeThrowPct,
        double shootingTouch,
        double assistedShare,
        double offensiveReboundWeight,
        double defensiveReboundWeight,
        double assistWeight,
        double stealWeight,
        double blockWeight,
        double turnoverRate,
        double foulRate) {
}
