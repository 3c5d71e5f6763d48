package fullcourt.engine.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Connections kept across queries and partition writes with the statements they ran prepared ({@link KeptConnection}),
 * idle ones most recently used first: an operation borrows one (or opens one when none is idle) and gives it back, so
 * there are never more than the most operations ever run at once; after a failed one (a cancelled statement's
 * interrupt, a broken connection) its connection is closed instead. Not one per thread: the task threads come from a
 * cached pool, and a connection kept by a thread that ended would never be closed.
 */
final class KeptConnections implements AutoCloseable {

    interface Opener {
        Connection open() throws SQLException;
    }

    interface Operation<T> {
        T run(KeptConnection w) throws SQLException;
    }

    private final Opener opener;
    private final ConcurrentLinkedDeque<KeptConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    KeptConnections(Opener opener) {
        this.opener = opener;
    }

    /** {@code write} (a query or a write) on a borrowed connection, given back after it or closed if it threw. */
    <T> T with(Operation<T> write) throws SQLException {
        KeptConnection w = idle.pollFirst();
        try {
            if (w == null) {
                w = new KeptConnection(opener.open());
            }
            T result = write.run(w);
            idle.offerFirst(w);
            if (closed) {
                closeIdle();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (w != null) {
                w.close();
            }
            throw e;
        }
    }

    /** How many connections are idle. */
    int idle() {
        return idle.size();
    }

    private void closeIdle() {
        for (KeptConnection w; (w = idle.pollFirst()) != null; ) {
            w.close();
        }
    }

    /** Closes the idle connections, and each borrowed one when it is given back. */
    @Override
    public void close() {
        closed = true;
        closeIdle();
    }
}
