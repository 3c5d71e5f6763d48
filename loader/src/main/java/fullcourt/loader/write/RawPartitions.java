package fullcourt.loader.write;

import fullcourt.loader.contract.RawTable;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The raw tables of the target warehouse, as a load sees them. Rows are always read and checked by DuckDB (see
 * StagingArea); an implementation only answers what the warehouse holds and replaces date partitions with staged
 * rows. DuckDB: the staging connection is the warehouse's own, every date of a load in one transaction. BigQuery:
 * one load job per (table, date) with WRITE_TRUNCATE on {@code raw.table$YYYYMMDD}, atomic per date as the
 * processors' writes are; the staged rows go up as newline-delimited JSON exported by the staging DuckDB.
 */
public interface RawPartitions {

    /** The date of each of {@code gameIds} that the warehouse's raw.schedule has. */
    Map<String, LocalDate> scheduledGames(Collection<String> gameIds) throws SQLException;

    /**
     * What {@code table} holds on each of {@code dates} that has rows, with digests comparable to
     * {@link #stagedState}'s; an implementation that cannot compare returns digests that never match.
     */
    Map<LocalDate, PartitionState> currentState(RawTable table, Set<LocalDate> dates) throws SQLException;

    /** The same figures for the staged rows, per date. */
    Map<LocalDate, PartitionState> stagedState(StagedDates staged) throws SQLException;

    /** Replaces each listed date of each table with its staged rows; a date is never left half-written. */
    void replace(List<StagedDates> writes) throws SQLException;
}
