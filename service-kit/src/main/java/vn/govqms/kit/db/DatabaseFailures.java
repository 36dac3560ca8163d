package vn.govqms.kit.db;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

import java.net.SocketException;
import java.util.concurrent.TimeoutException;

/**
 * The one answer to "is this SQL failure worth trying again": used by the consumers (retry the batch,
 * offsets uncommitted) and by the problem mapper (503 with Retry-After instead of 500).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * The database is out of reach or refused for now, not for what was asked: SQLSTATE classes 08 (connection),
     * 53 (insufficient resources), 57 (operator intervention: shutdown, statement timeout), a serialization
     * failure (40001) or deadlock (40P01); or no SQLSTATE and a connection failure.
     */
    public static boolean isTransient(Throwable failure) {
        Throwable t = failure;
        for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                String s = pg.getSqlState();
                return s.startsWith("08") || s.startsWith("53") || s.startsWith("57") || s.equals("40001") || s.equals("40P01");
            }
        }
        return isConnectionFailure(failure, 0);
    }

    private static boolean isConnectionFailure(Throwable e, int depth) {
        Throwable t = e;
        for (int i = 0; t != null && i < 10 && depth < 4; i++, t = t.getCause()) {
            // a socket reset or refused while the database restarts; Mutiny may wrap it with the rollback's own failure
            if (t instanceof SocketException || t instanceof ClosedConnectionException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof CompositeException composite) {
                for (Throwable c : composite.getCauses()) {
                    if (isConnectionFailure(c, depth + 1)) {
                        return true;
                    }
                }
            }
            String m = t.getMessage();
            // a pool or connection being closed (a restart of the database, or this service stopping) is not the data's fault
            if (m != null && (m.contains("Connection refused") || m.contains("Connection closed")
                    || m.contains("Connection reset") || m.contains("Broken pipe")
                    || m.contains("connection was closed") || m.contains("Timeout") || m.equals("Pool closed")
                    || m.startsWith("Connection is not active now"))) {
                return true;
            }
        }
        return false;
    }
}
