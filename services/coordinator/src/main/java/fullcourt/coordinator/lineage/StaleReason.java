package fullcourt.coordinator.lineage;

import fullcourt.coordinator.TaskKey;

/**
 * Why a partition is stale: {@code text} says it as an operator reads it ("missing", "model version
 * sql-1a2b -> sql-3c4d", "raw.player_box_scores 2022-01-05 changed", "upstream player_game_summary
 * 2022-01-05 stale"); {@code kind} groups reasons for counts; {@code cause} is the input partition
 * the reason names, when it names one.
 */
public record StaleReason(Kind kind, String text, TaskKey cause) {

    /** The kinds of staleness, most direct first. */
    public enum Kind {
        /** No partition and no lineage. */
        MISSING,
        /** Rows without lineage: written before lineage was recorded. */
        NO_LINEAGE,
        /** A write began and never recorded its outcome: what the partition holds is unknown. */
        INTERRUPTED,
        /** Computed by another version of its processor. */
        VERSION,
        /** A raw partition it read has changed since. */
        RAW_CHANGED,
        /** An upstream partition it read was rewritten with other content since. */
        UPSTREAM_CHANGED,
        /** Only because an upstream partition it reads is stale itself. */
        UPSTREAM_STALE
    }

    @Override
    public String toString() {
        return text;
    }
}
