package fullcourt.coordinator.lease;

import fullcourt.engine.warehouse.ColumnValues;
import fullcourt.engine.warehouse.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ops.coordinator_lease}: one row per lease name. Every change is one conditional statement (a compare and set
 * on the epoch) whose affected row count says whether it won, so two coordinators racing for the lease cannot both
 * get it: DuckDB aborts one of two transactions updating the same row, BigQuery runs mutating DML on a table one
 * statement at a time.
 */
public final class LeaseTable {

    static final String TABLE = "ops.coordinator_lease";

    static final String DDL = "CREATE TABLE IF NOT EXISTS " + TABLE
            + " (name STRING NOT NULL, holder STRING NOT NULL, epoch INT64 NOT NULL, expires_at TIMESTAMP NOT NULL)";
    /** The row of a lease nobody took yet, written once; should two coordinators race here, the duplicates move together. */
    static final String SEED = "INSERT INTO " + TABLE + " (name, holder, epoch, expires_at)"
            + " SELECT CAST(@name AS STRING), '', 0, CAST(@never AS TIMESTAMP) FROM (SELECT 1 AS one) AS seed"
            + " WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " WHERE name = @name)";
    static final String READ = "SELECT holder, epoch, expires_at FROM " + TABLE
            + " WHERE name = @name ORDER BY epoch DESC LIMIT 1";
    /** A takeover: only from the epoch read, and only once that lease has run out. */
    static final String TAKE = "UPDATE " + TABLE + " SET holder = @holder, epoch = @next_epoch, expires_at = @expires_at"
            + " WHERE name = @name AND epoch = @seen_epoch AND expires_at <= @now";
    static final String RENEW = "UPDATE " + TABLE + " SET expires_at = @expires_at"
            + " WHERE name = @name AND holder = @holder AND epoch = @epoch";
    /** The condition a fenced write carries: the lease still holds the writer's epoch. */
    static final String HELD = "EXISTS (SELECT 1 FROM " + TABLE
            + " WHERE name = @lease_name AND holder = @lease_holder AND epoch = @lease_epoch)";

    private final Warehouse warehouse;

    private LeaseTable(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The table on {@code warehouse}, created if missing. */
    public static LeaseTable on(Warehouse warehouse) {
        warehouse.update(DDL, Map.of());
        return new LeaseTable(warehouse);
    }

    /** The lease's row, written first if nobody ever took it. */
    LeaseRow read(String name) {
        Optional<LeaseRow> row = find(name);
        if (row.isPresent()) {
            return row.get();
        }
        warehouse.update(SEED, Map.of("name", name, "never", Timestamp.from(Instant.EPOCH)));
        return find(name).orElseThrow(() -> new IllegalStateException(TABLE + " has no row '" + name + "' after seeding"));
    }

    private Optional<LeaseRow> find(String name) {
        List<Map<String, Object>> rows = warehouse.query(READ, Map.of("name", name));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> r = rows.get(0);
        return Optional.of(new LeaseRow((String) r.get("holder"), ((Number) r.get("epoch")).longValue(),
                ColumnValues.instant(r.get("expires_at"))));
    }

    /** Takes the lease over from {@code seen} if it is still that one and has run out at {@code now}. */
    boolean take(String name, LeaseRow seen, String holder, Instant now, Instant expiresAt) {
        return warehouse.update(TAKE, Map.of("name", name, "holder", holder, "next_epoch", seen.epoch() + 1,
                "expires_at", Timestamp.from(expiresAt), "seen_epoch", seen.epoch(), "now", Timestamp.from(now))) > 0;
    }

    /** Moves the lease's end to {@code expiresAt}; false when it no longer holds {@code epoch} for {@code holder}. */
    boolean extend(String name, String holder, long epoch, Instant expiresAt) {
        return warehouse.update(RENEW, Map.of("name", name, "holder", holder, "epoch", epoch,
                "expires_at", Timestamp.from(expiresAt))) > 0;
    }
}
