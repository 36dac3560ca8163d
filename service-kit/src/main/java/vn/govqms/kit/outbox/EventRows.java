package vn.govqms.kit.outbox;

import org.hibernate.reactive.mutiny.Mutiny;

import java.lang.reflect.RecordComponent;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Events a set-based producer derives in SQL, for {@link Outbox#publish(Mutiny.Session, EventRows)}:
 * a query yielding one row per event, with the columns {@code message_key}, {@code subject} and {@code payload} (json),
 * plus {@code type} when one statement produces several types ({@link #ofTypes}). The kit adds the outbox columns, the
 * event ids and the CloudEvents source, and writes the rows in the order the query yields them (its {@code order by}).
 * <p>
 * A producer that changes state in the same statement (an {@code update ... returning}) puts that in {@link #with}:
 * PostgreSQL takes data-modifying CTEs only at the top of a statement, so the kit writes
 * {@code with <ctes> insert into outbox (...) select ... from (<query>) e}.
 * <p>
 * The payload comes from the event record: {@link #payload(Class, String)} builds the {@code json_build_object} of a
 * record's fields from a typed row whose columns are the fields' names in snake case, so the JSON cannot drift from the
 * record the service's schema test checks. {@code json}, not {@code jsonb}: it keeps the record's field order, the order
 * Jackson writes when the same type is published from Java.
 */
public final class EventRows {

    private final String topic;
    private final String type;
    private final OffsetDateTime time;
    private String with;
    private String select;
    private List<Object> params = List.of();

    private EventRows(String topic, String type, OffsetDateTime time) {
        this.topic = Objects.requireNonNull(topic);
        this.type = type;
        this.time = Objects.requireNonNull(time);
    }

    /** Events of one {@code type} on {@code topic}, occurred at {@code time}. */
    public static EventRows of(String topic, String type, OffsetDateTime time) {
        return new EventRows(topic, Objects.requireNonNull(type), time);
    }

    /** Events whose type the query yields in a {@code type} column. */
    public static EventRows ofTypes(String topic, OffsetDateTime time) {
        return new EventRows(topic, null, time);
    }

    /** Common table expressions run first, without the {@code with} keyword: {@code late as (update ... returning ...)}. */
    public EventRows with(String ctes) {
        this.with = ctes;
        return this;
    }

    /** The query of the events' rows; it may read the CTEs. */
    public EventRows select(String query) {
        this.select = query;
        return this;
    }

    /** The query's parameters, {@code ?1} to {@code ?n} in order. */
    public EventRows params(Object... values) {
        this.params = Arrays.asList(values);
        return this;
    }

    List<Object> params() {
        return params;
    }

    OffsetDateTime time() {
        return time;
    }

    String topic() {
        return topic;
    }

    String type() {
        return type;
    }

    /**
     * The statement: the producer's parameters keep their numbers, the kit's follow them (topic, type when fixed, source,
     * time, traceparent: the current trace context, the same for every row).
     */
    String statement() {
        if (select == null) {
            throw new IllegalStateException("no query of event rows");
        }
        int n = params.size();
        String topicParam = "cast(?" + (n + 1) + " as text)";
        String typeColumn = type == null ? "e.type" : "cast(?" + (n + 2) + " as text)";
        int next = type == null ? n + 2 : n + 3;
        return (with == null ? "" : "with " + with + "\n")
                + Outbox.INSERT_INTO + "\n"
                + "select gen_random_uuid()::text, " + topicParam + ", e.message_key, " + typeColumn + ", cast(?" + next
                + " as text), e.subject, cast(?" + (next + 1) + " as timestamptz), e.payload::text, cast(?" + (next + 2)
                + " as text)\nfrom (" + select + ") e";
    }

    /**
     * {@code json_build_object} of {@code data}'s fields, each read from the column of its name in snake case on
     * {@code alias}: {@code payload(OverdueData.class, "l")} gives {@code json_build_object('taskId', l.task_id, ...)}.
     * Fields are scalars (text, numbers, booleans, UUIDs, dates), as in a row.
     */
    public static String payload(Class<? extends Record> data, String alias) {
        return Arrays.stream(data.getRecordComponents())
                .map(c -> "'" + c.getName() + "', " + alias + "." + column(scalar(c).getName()))
                .collect(Collectors.joining(", ", "json_build_object(", ")"));
    }

    private static RecordComponent scalar(RecordComponent c) {
        Class<?> t = c.getType();
        boolean scalar = t.isPrimitive() || t == String.class || Number.class.isAssignableFrom(t) || t == Boolean.class
                || t == UUID.class || Temporal.class.isAssignableFrom(t) || t.isEnum();
        if (!scalar) {
            throw new IllegalArgumentException(c.getDeclaringRecord().getSimpleName() + "." + c.getName()
                    + " is not a scalar: build that payload in Java and publish it with Outbox.publish");
        }
        return c;
    }

    /** {@code daysOverdue} → {@code days_overdue}. */
    static String column(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
