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
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The services' databases as the harness reads them: counts, set-based loads and baselines. Connections stay open for the
 * whole run and are reused, one per database for each caller at a time: the fan-out polls three databases ten times a
 * second, and a connection per query forked a PostgreSQL backend 30 times a second on the cores being measured (the 5 Dec
 * profile gave the harness 15-23 % of them while the services were CPU-bound).
 */
final class Db implements AutoCloseable {

    /** A statement's work on a connection. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws Exception;
    }

    private final String jdbcBase;
    private final String user;
    private final String password;
    private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();

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

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcBase + database, user, password);
    }

    long count(String database, String sql) {
        String v = value(database, sql);
        return v == null ? 0 : Long.parseLong(v);
    }

    String value(String database, String sql) {
        return on(database, sql, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    List<String> column(String database, String sql) {
        return on(database, sql, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                List<String> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    /** Runs one statement; returns its duration in seconds. */
    double timed(String database, String sql) {
        return on(database, sql, c -> {
            try (Statement s = c.createStatement()) {
                long t0 = System.nanoTime();
                s.execute(sql);
                return (System.nanoTime() - t0) / 1e9;
            }
        });
    }

    void update(String database, String sql) {
        timed(database, sql);
    }

    /** COPY {@code source} out and the same bytes into {@code target}; returns the seconds of the COPY in only. */
    double copyBaseline(String database, String sourceQuery, String target) {
        return on(database, "COPY into " + target, c -> {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy.copyOut("copy (" + sourceQuery + ") to stdout", out);
            byte[] rows = out.toByteArray();
            long t0 = System.nanoTime();
            copy.copyIn("copy " + target + " from stdin", new ByteArrayInputStream(rows));
            return (System.nanoTime() - t0) / 1e9;
        });
    }

    /** Closes the idle connections (every caller has returned its own by then). */
    @Override
    public void close() {
        idle.values().forEach(connections -> {
            for (Connection c; (c = connections.poll()) != null; ) {
                quietlyClose(c);
            }
        });
    }

    /**
     * {@code work} on an idle connection to {@code database} (a new one when every open one is in use), returned afterwards;
     * one that failed is closed instead, as it may be broken (autocommit: nothing of it stays pending).
     */
    private <T> T on(String database, String what, Work<T> work) {
        Deque<Connection> pool = idle.computeIfAbsent(database, d -> new ConcurrentLinkedDeque<>());
        Connection c = pool.poll();
        try {
            if (c == null) {
                c = connect(database);
            }
            T result = work.on(c);
            pool.push(c);
            return result;
        } catch (Exception e) {
            if (c != null) {
                quietlyClose(c);
            }
            throw new IllegalStateException(database + ": " + what + ": " + e.getMessage(), e);
        }
    }

    private static void quietlyClose(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the server has gone already (the stack stops it after the run)
        }
    }
}
