package fullcourt.publishing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the phase 6 exporters publish, and how many best bets they pick. */
@ConfigMapping(prefix = "fullcourt.exports")
public interface ExportsConfig {

    /**
     * The export root: a directory ({@code data/exports}, relative to the working directory) laid
     * out as the bucket is, or {@code gs://BUCKET} / {@code gs://BUCKET/PREFIX}.
     */
    @WithDefault("data/exports")
    String location();

    /** Best-bets settings. */
    BestBets bestBets();

    /** Best-bets knobs. */
    interface BestBets {
        /** Picks per date at most. */
        @WithDefault("10")
        int limit();
    }
}
