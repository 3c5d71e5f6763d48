package fullcourt.seasons.play;

/** One field-goal attempt; {@code order} sorts the game's attempts into play-by-play order. */
public record ShotEvent(int period, double order, String team, String playerId, Zone zone, boolean made, boolean assisted) {
}
