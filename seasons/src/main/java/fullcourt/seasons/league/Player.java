package fullcourt.seasons.league;

/**
 * A player as of one season. The id is stable across seasons ({@code p0001}); quality evolves
 * (about 0 for a rotation player, above 2 for a star) and sets his usage and efficiency.
 */
public record Player(String id, String name, Position position, int birthYear, double quality, Tendencies tendencies) {

    public Player withQuality(double newQuality) {
        return new Player(id, name, position, birthYear, newQuality, tendencies);
    }

    /** Field-goal attempts per 36 minutes before game context. */
    public double shotsPer36() {
        return Math.max(5.0, Math.min(24.0, 10.0 + 4.0 * quality));
    }

    /** Added to every make probability before game context. */
    public double efficiency() {
        return 0.012 * quality + tendencies.shootingTouch();
    }
}
