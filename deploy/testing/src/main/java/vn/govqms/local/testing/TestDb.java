package vn.govqms.local.testing;

import vn.govqms.local.RealParts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Looks into a service's database from a test (the real one the test resource started). */
public final class TestDb {

    private TestDb() {
    }

    private static Connection connect(String database) throws SQLException {
        String base = System.getProperty(RealParts.POSTGRES_PROPERTY);
        if (base == null) {
            throw new IllegalStateException("the real parts are not started (RealPartsTestResource)");
        }
        return DriverManager.getConnection(base + database, System.getProperty(RealParts.POSTGRES_USER_PROPERTY), "");
    }

    /** The first column of the first row, as a string (null when no row). */
    public static String value(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static long count(String database, String sql) {
        String v = value(database, sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    public static int update(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            return s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Runs {@code read} while this test holds an exclusive lock on {@code tables} (comma-separated): a request that
     * touched them would wait until the lock is released, so one answered meanwhile (with a client timeout) did not.
     */
    public static void whileLocked(String database, String tables, Runnable read) {
        try (Connection c = connect(database)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("lock table " + tables + " in access exclusive mode");
                read.run();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
