package vn.govqms.kit.db;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What counts as "the database is out of reach" (503, retry the event) rather than a fault of the request or event. */
class DatabaseFailuresTest {

    private static PgException sqlState(String state) {
        return new PgException("refused", "ERROR", state, null);
    }

    @Test
    void aResetDuringARestartWrappedWithTheRollbacksOwnFailureIsTransient() {
        // what a write saw when PostgreSQL stopped under it (DatabaseRestartIT): the failure and the rollback's failure
        SocketException reset = new SocketException("Connection reset");
        Throwable seen = new CompositeException(new HibernateException(reset), new SocketException("Connection reset"));
        assertTrue(DatabaseFailures.isTransient(seen));
        assertTrue(DatabaseFailures.isTransient(new RuntimeException(new HibernateException(reset))));
    }

    @Test
    void refusedClosedAndPoolClosedAreTransient() {
        assertTrue(DatabaseFailures.isTransient(new ConnectException("Connection refused")));
        assertTrue(DatabaseFailures.isTransient(new IllegalStateException("Pool closed")));
        assertTrue(DatabaseFailures.isTransient(new IllegalStateException("Connection is not active now, current status: CLOSED")));
    }

    @Test
    void shutdownOverloadSerializationAndDeadlockAreTransient() {
        assertTrue(DatabaseFailures.isTransient(new RuntimeException(sqlState("57P01"))));  // admin shutdown
        assertTrue(DatabaseFailures.isTransient(sqlState("53300")));                        // too many connections
        assertTrue(DatabaseFailures.isTransient(sqlState("08006")));                        // connection failure
        assertTrue(DatabaseFailures.isTransient(sqlState("40001")));                        // serialization failure
        assertTrue(DatabaseFailures.isTransient(sqlState("40P01")));                        // deadlock
    }

    @Test
    void aFaultOfTheDataIsNot() {
        assertFalse(DatabaseFailures.isTransient(new IllegalArgumentException("agency code has the wrong shape")));
        assertFalse(DatabaseFailures.isTransient(new CompositeException(new IllegalStateException("a"),
                new NullPointerException())));
        assertFalse(DatabaseFailures.isTransient(sqlState("23505")));  // a duplicate key
        assertFalse(DatabaseFailures.isTransient(sqlState("22P02")));  // an invalid value
        // the SQLSTATE decides even when the message reads like a timeout
        assertFalse(DatabaseFailures.isTransient(new PgException("Timeout in the check constraint's name", "ERROR", "23514", null)));
    }
}
