package vn.govqms.bench;

import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The services' databases as the harness reads them: counts, set-based loads and baselines, one connection per call. */
final class Db {

    private final String jdbcBase;
    private final String user;
    private final String password;

    Db(String host, int port, String user, String password) {
        this.jdbcBase = "jdbc:postgresql://" + host + ":" + port + "/";
        this.user = user;
        this.password = password;
    }

    String host() {
        return jdbcBase.substring("jdbc:postgresql://".length(), jdbcBase.lastIndexOf(':'));
    }

    int port() {
        String s = jdbcBase.substring(jdbcBase.lastIndexOf(':') + 1, jdbcBase.length() - 1);
        return Integer.parseInt(s);
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcBase + database, user, password);
    }

    long count(String database, String sql) {
        String v = value(database, sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    String value(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    List<String> column(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Runs one statement; returns its duration in seconds. */
    double timed(String database, String sql) {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            long t0 = System.nanoTime();
            s.execute(sql);
            return (System.nanoTime() - t0) / 1e9;
        } catch (SQLException e) {
            throw new IllegalStateException(database + ": " + sql + ": " + e.getMessage(), e);
        }
    }

    void update(String database, String sql) {
        timed(database, sql);
    }

    /** COPY {@code source} out and the same bytes into {@code target}; returns the seconds of the COPY in only. */
    double copyBaseline(String database, String sourceQuery, String target) {
        try (Connection c = connect(database)) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.copyOut("copy (" + sourceQuery + ") to stdout", out);
            byte[] rows = out.toByteArray();
            long t0 = System.nanoTime();
            copy.copyIn("copy " + target + " from stdin", new ByteArrayInputStream(rows));
            return (System.nanoTime() - t0) / 1e9;
        } catch (Exception e) {
            throw new IllegalStateException("COPY into " + target + ": " + e.getMessage(), e);
        }
    }
}
