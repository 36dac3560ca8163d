package vn.govqms.kit.outbox;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A set-based producer's payload comes from its event record; the kit writes the outbox columns after its CTEs. */
class EventRowsTest {

    record OverdueData(UUID taskId, String documentCode, LocalDate dueDate, int daysOverdue) {
    }

    record WithList(UUID id, List<String> items) {
    }

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 5, 8, 0, 0, 0, ZoneOffset.ofHours(7));

    @Test
    void thePayloadHasTheRecordsFieldsReadFromSnakeCaseColumns() {
        assertEquals("json_build_object('taskId', t.task_id, 'documentCode', t.document_code, 'dueDate', t.due_date, "
                + "'daysOverdue', t.days_overdue)", EventRows.payload(OverdueData.class, "t"));
    }

    @Test
    void aPayloadOfNonScalarFieldsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EventRows.payload(WithList.class, "t"));
    }

    @Test
    void theKitsParametersFollowTheProducersAndItsCtesStayOnTop() {
        String sql = EventRows.of("document.events", "vn.govqms.document.x.v1", NOW)
                .with("late as (update t set a = 1 where b < cast(?1 as date) returning id)")
                .select("select l.id::text as message_key, 'x/' || l.id as subject, json_build_object('id', l.id) as payload from late l")
                .params(LocalDate.of(2026, 12, 5)).statement();
        assertTrue(sql.startsWith("with late as (update t"), sql);
        assertTrue(sql.contains("insert into outbox (event_id, topic, message_key, type, source, subject, occurred_at, payload, traceparent)\n"
                + "select gen_random_uuid()::text, cast(?2 as text), e.message_key, cast(?3 as text), cast(?4 as text), e.subject, "
                + "cast(?5 as timestamptz), e.payload::text, cast(?6 as text)\nfrom (select l.id::text"), sql);
    }

    @Test
    void severalTypesComeFromTheQuerysTypeColumn() {
        String sql = EventRows.ofTypes("audit.events", NOW).select("select type, message_key, subject, payload from x")
                .params("a", "b").statement();
        assertTrue(sql.startsWith("insert into outbox"), sql);
        assertTrue(sql.contains("cast(?3 as text), e.message_key, e.type, cast(?4 as text), e.subject, cast(?5 as timestamptz), "
                + "e.payload::text, cast(?6 as text)"), sql);
    }
}
