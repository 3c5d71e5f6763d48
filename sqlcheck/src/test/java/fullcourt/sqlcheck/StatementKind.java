package fullcourt.sqlcheck;

/** Where a statement the BigQuery adapter can send comes from. */
public enum StatementKind {
    /** {@code models/<processor>.sql}: the SELECT that replaces a partition. */
    MODEL,
    /** {@code models/<processor>.checks.sql}: the per-date gate on the written partition. */
    MODEL_CHECKS,
    /** The SQL a Java processor writes its partition with: {@code ml/player_prop_predictions.sql}, export manifests. */
    JAVA_WRITER,
    /** {@code warehouse/bigquery_functions.sql}: the portable {@code ops.*} functions. */
    PORTABLE_FUNCTION,
    /** CREATE TABLE statements sent through the adapter (ledger, lineage). */
    DDL,
    /** The coordinator's task ledger. */
    LEDGER,
    /** Lineage reads, coordinator and worker (its rows are appended through the Storage Write API: no SQL). */
    LINEAGE,
    /**
     * {@code PartitionFingerprints.query} of each table lineage fingerprints, and the SELECT of a written partition's
     * row count and fingerprint a worker runs behind each write ({@code LineageStore.fingerprintSql}).
     */
    FINGERPRINT,
    /** The coordinator's validation report. */
    VALIDATION,
    /** Phase 6 exporters' reads. */
    EXPORT,
    /** Training and scoring reads of player_prop_predictions. */
    TRAINING_SCORING,
    /**
     * A statement run once per parameter set ({@code Warehouse.updateBatch}, a write's {@code WriteBracket}), as
     * BigQuery receives it: one job of {@code BatchQueries}, a multi-row INSERT or a {@code BEGIN TRANSACTION; ...;
     * COMMIT TRANSACTION;} script, each set's parameters renamed {@code p<set>_<name>}.
     */
    BATCH,
    /** What every worker asks before a task: skip reasons, the season calendar, the readiness probe. */
    WORKER
}
