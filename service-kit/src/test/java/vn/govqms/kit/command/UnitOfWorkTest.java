package vn.govqms.kit.command;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgBuilder;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.provider.ReactiveServiceRegistryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.audit.AuditTrail;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.local.Folders;
import vn.govqms.local.Ports;
import vn.govqms.local.PostgresServer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A command's end against a real PostgreSQL with the kit's tables: the change is flushed first, then the outcome is read
 * (new versions and ids exist) and its events written, then the trail row; a trail row that cannot be written takes the
 * events (and the change) down with it.
 */
class UnitOfWorkTest {

    static final String DB = "kit_uow";
    static final Duration WAIT = Duration.ofSeconds(30);
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 8, 0, 0, 0, ZoneOffset.ofHours(7));
    static final AgencyRef AGENCY = new AgencyRef(UUID.randomUUID(), "24", UUID.randomUUID(), null);

    static Path dir;
    static PostgresServer pg;
    static Mutiny.SessionFactory sessions;
    static Vertx vertx;
    static Pool pool;
    static UnitOfWork work;

    /** A state change of a command: written by the flush. */
    @Entity
    @Table(name = "uow_note")
    public static class Note {
        @Id
        public Long id;
        public String text;
        @Version
        public int version;

        public Note() {
        }

        Note(long id, String text) {
            this.id = id;
            this.text = text;
        }
    }

    @BeforeAll
    static void start() throws IOException, URISyntaxException {
        // PostgreSQL runs as an unprivileged user who must reach its folder: /tmp, not the project's target folder
        Path parent = Path.of("/tmp/govqms-kit-tests");
        PostgresServer.stopStaleClusters(parent);
        dir = parent.resolve(Long.toString(ProcessHandle.current().pid()));
        pg = PostgresServer.start(dir, Ports.free(), PostgresServer.Mode.TEST);
        pg.createDatabase(DB);
        try (Stream<Path> files = Files.list(Path.of(UnitOfWorkTest.class.getResource("/db/kit").toURI()))) {
            for (Path f : files.sorted().toList()) {
                pg.execute(DB, Files.readString(f));
            }
        }
        // every write of the tables involved, in the order it happened
        pg.execute(DB, """
                create table uow_note (id bigint primary key, text text, version int not null);
                create table write_order (seq bigserial primary key, tbl text not null);
                create function write_order() returns trigger language plpgsql as $$
                begin
                    insert into write_order (tbl) values (TG_TABLE_NAME);
                    return new;
                end $$;
                create trigger write_order after insert or update on uow_note for each row execute function write_order();
                create trigger write_order after insert on outbox for each row execute function write_order();
                create trigger write_order after insert on audit_trail for each row execute function write_order();
                """);
        Configuration cfg = new Configuration().addAnnotatedClass(Note.class)
                .setProperty(AvailableSettings.JAKARTA_JDBC_URL, pg.reactiveUrl(DB))
                .setProperty(AvailableSettings.JAKARTA_JDBC_USER, pg.username())
                .setProperty(AvailableSettings.JAKARTA_JDBC_PASSWORD, pg.password());
        sessions = cfg.buildSessionFactory(new ReactiveServiceRegistryBuilder().applySettings(cfg.getProperties()).build())
                .unwrap(Mutiny.SessionFactory.class);
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(pg.reactiveUrl(DB) + "?user=" + pg.username()).using(vertx).build();
        ObjectMapper json = new ObjectMapper();
        work = new UnitOfWork(new Outbox(json, "kit-test"), new AuditTrail(json, Clock.fixed(Instant.parse("2026-12-05T01:00:00Z"), ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        if (pool != null) {
            pool.closeAndAwait();
        }
        if (vertx != null) {
            vertx.closeAndAwait();
        }
        if (sessions != null) {
            sessions.close();
        }
        if (pg != null) {
            pg.stop();
            Folders.deleteTree(dir);
        }
    }

    @BeforeEach
    void empty() {
        pg.execute(DB, "truncate uow_note, write_order, outbox, audit_trail");
    }

    static OutgoingEvent event(String type, String what) {
        return OutgoingEvent.of("kit.events", AGENCY.id().toString(), type, "notes/1", NOW, Map.of("what", what));
    }

    static TrailEntry entry(String actor) {
        return TrailEntry.on("note", 1L, AGENCY).did("issued", actor, Map.of("status", "DRAFT"), Map.of("status", "ISSUED"));
    }

    @Test
    void theChangeIsFlushedFirstThenTheEventsInOrderThenTheTrailRow() {
        sessions.withTransaction(s -> s.persist(new Note(1, "bản nháp"))
                        .chain(() -> work.record(s, () -> Outcome.of(entry("iso-officer-24"), event("vn.govqms.kit.first.v1", "một"), null,
                                event("vn.govqms.kit.second.v1", "hai")))))
                .await().atMost(WAIT);

        assertEquals(List.of("uow_note", "outbox", "outbox", "audit_trail"), column("select tbl from write_order order by seq"));
        assertEquals(List.of("vn.govqms.kit.first.v1|{\"what\":\"một\"}|/govqms/kit-test", "vn.govqms.kit.second.v1|{\"what\":\"hai\"}|/govqms/kit-test"),
                column("select type || '|' || payload || '|' || source from outbox order by id"));
        assertEquals(List.of("note|1|" + AGENCY.id() + "|24|issued|iso-officer-24|{\"status\":{\"from\":\"DRAFT\",\"to\":\"ISSUED\"}}"),
                column("select concat_ws('|', resource_type, resource_id, agency_id, province_code, action, actor, changes) from audit_trail"));
    }

    @Test
    void theOutcomeIsReadAfterTheFlushSoItCarriesTheNewVersion() {
        sessions.withTransaction(s -> s.persist(new Note(1, "bản nháp"))).await().atMost(WAIT);
        sessions.withTransaction(s -> s.find(Note.class, 1L).chain(note -> {
            note.text = "bản ban hành";
            return work.record(s, () -> Outcome.of(TrailEntry.on("note", note.id, AGENCY).did("edited", "iso-officer-24", Map.of("version", 0),
                    Map.of("version", note.version)), event("vn.govqms.kit.edited.v1", "v" + note.version)));
        })).await().atMost(WAIT);

        assertEquals(List.of("{\"what\":\"v1\"}"), column("select payload from outbox"));
        assertEquals(List.of("{\"version\":{\"from\":0,\"to\":1}}"), column("select changes from audit_trail"));
    }

    @Test
    void severalTrailRowsAreWrittenTogetherInTheirOrderOnEitherConnection() {
        List<TrailEntry> answers = List.of(TrailEntry.on("audit", 7L, AGENCY).did("answered:1", "auditor-24", null, Map.of("answer", "CONFORMING")),
                TrailEntry.on("audit", 7L, AGENCY).did("answered:2", "auditor-24", null, Map.of("answer", "NONCONFORMING")),
                TrailEntry.on("audit", 7L, null).did("answered:3", "auditor-24", null, Map.of("answer", "NOT_APPLICABLE")));
        sessions.withTransaction(s -> work.record(s, () -> Outcome.of(answers, List.of()))).await().atMost(WAIT);
        pool.withTransaction(tx -> work.record(tx, Outcome.of(answers, List.of()))).await().atMost(WAIT);

        List<String> rows = List.of("answered:1|24|{\"answer\":{\"to\":\"CONFORMING\"}}", "answered:2|24|{\"answer\":{\"to\":\"NONCONFORMING\"}}",
                "answered:3|{\"answer\":{\"to\":\"NOT_APPLICABLE\"}}");
        List<String> twice = new ArrayList<>(rows);
        twice.addAll(rows);
        assertEquals(twice, column("select concat_ws('|', action, province_code, changes) from audit_trail order by id"));
    }

    @Test
    void aTrailRowThatCannotBeWrittenRollsTheEventsAndTheChangeBack() {
        // the trail's actor is required: without one the row fails after the events were written in the same transaction
        assertThrows(RuntimeException.class, () -> sessions.withTransaction(s -> s.persist(new Note(1, "bản nháp"))
                        .chain(() -> work.record(s, () -> Outcome.of(entry(null), event("vn.govqms.kit.first.v1", "một")))))
                .await().atMost(WAIT));

        assertEquals(List.of(), column("select tbl from write_order"));
        assertEquals(List.of("0|0|0"), column("select (select count(*) from outbox) || '|' || (select count(*) from audit_trail) "
                + "|| '|' || (select count(*) from uow_note)"));
    }

    @Test
    void onAPlainConnectionTheEventsComeBeforeTheTrailRowAndFailWithIt() {
        pool.withTransaction(tx -> work.record(tx, Outcome.of(entry("admin-24"), event("vn.govqms.kit.first.v1", "một"),
                        event("vn.govqms.kit.second.v1", "hai"))))
                .await().atMost(WAIT);
        assertEquals(List.of("outbox", "outbox", "audit_trail"), column("select tbl from write_order order by seq"));
        assertEquals(List.of("vn.govqms.kit.first.v1", "vn.govqms.kit.second.v1"), column("select type from outbox order by id"));

        pg.execute(DB, "truncate write_order, outbox, audit_trail");
        assertThrows(RuntimeException.class, () -> pool.withTransaction(tx -> work.record(tx, Outcome.of(entry(null), event("vn.govqms.kit.first.v1", "một"))))
                .await().atMost(WAIT));
        assertEquals(List.of("0|0"), column("select (select count(*) from outbox) || '|' || (select count(*) from audit_trail)"));
    }

    private static List<String> column(String sql) {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(DB), pg.username(), pg.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
