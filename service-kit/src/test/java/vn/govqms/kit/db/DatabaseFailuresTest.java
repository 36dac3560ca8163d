package vn.govqms.kit.problem;

import io.smallrye.mutiny.CompositeException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.SocketException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What counts as "the database is out of reach" (503, retry the event) rather than a fault of the request or event. */
class ConnectionFailureTest {

    @Test
    void aResetDuringARestartWrappedWithTheRollbacksOwnFailureIsTransient() {
        // what a write saw when PostgreSQL stopped under it (DatabaseRestartIT): the failure and the rollback's failure
        SocketException reset = new SocketException("Connection reset");
        Throwable seen = new CompositeException(new HibernateException(reset), new SocketException("Connection reset"));
        assertTrue(ProblemMapper.isConnectionFailure(seen));
        assertTrue(ProblemMapper.isConnectionFailure(new RuntimeException(new HibernateException(reset))));
    }

    @Test
    void refusedClosedAndPoolClosedAreTransient() {
        assertTrue(ProblemMapper.isConnectionFailure(new ConnectException("Connection refused")));
        assertTrue(ProblemMapper.isConnectionFailure(new IllegalStateException("Pool closed")));
        assertTrue(ProblemMapper.isConnectionFailure(new IllegalStateException("Connection is not active now, current status: CLOSED")));
    }

    @Test
    void aFaultOfTheDataIsNot() {
        assertFalse(ProblemMapper.isConnectionFailure(new IllegalArgumentException("agency code has the wrong shape")));
        assertFalse(ProblemMapper.isConnectionFailure(new CompositeException(new IllegalStateException("a"),
                new NullPointerException())));
    }
}
