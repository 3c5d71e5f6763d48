package fullcourt.engine.warehouse;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Connections kept across partition writes with their brackets' statements prepared ({@link WriteConnection}), idle
 * ones most recently used first: a write borrows one (or opens one when none is idle) and gives it back, so there are
 * never more than the most writes ever run at once; after a failed write (a cancelled statement's interrupt, a broken
 * connection) its connection is closed instead. Not one per thread: the task threads come from a cached pool, and a
 * connection kept by a thread that ended would never be closed.
 */
final class WriteConnectionPool implements AutoCloseable {

    interface Opener {
        Connection open() throws SQLException;
    }

    interface Write<T> {
        T run(WriteConnection w) throws SQLException;
    }

    private final Opener opener;
    private final ConcurrentLinkedDeque<WriteConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    WriteConnectionPool(Opener opener) {
        this.opener = opener;
    }

    /** {@code write} on a borrowed connection, given back after it or closed if it threw. */
    <T> T with(Write<T> write) throws SQLException {
        WriteConnection w = idle.pollFirst();
        try {
            if (w == null) {
                w = new WriteConnection(opener.open());
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
        for (WriteConnection w; (w = idle.pollFirst()) != null; ) {
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
