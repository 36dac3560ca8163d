package vn.govqms.kit.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/**
 * The W3C {@code traceparent} of an event (version 00): written into its outbox row when it is recorded, carried in its
 * Kafka headers by the relay ({@code traceparent}, and {@code ce_traceparent}: the CloudEvents distributed-tracing
 * extension in binary mode), read back by the consumer, so that one change is one trace across the services.
 */
public final class TraceParent {

    /** The W3C header, which tracing tools read on Kafka records. */
    public static final String HEADER = "traceparent";
    /** The same value as the CloudEvents extension attribute in binary mode. */
    public static final String CE_HEADER = "ce_traceparent";

    private TraceParent() {
    }

    /** The current span's {@code traceparent}, or null outside a trace. */
    public static String current() {
        return format(Span.current().getSpanContext());
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or null for an invalid context. */
    public static String format(SpanContext context) {
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** The remote span context a {@code traceparent} names; an invalid context when it is missing or malformed. */
    public static SpanContext parse(String value) {
        if (value == null || value.length() != 55 || !value.startsWith("00-") || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return SpanContext.getInvalid();
        }
        String flags = value.substring(53);
        if (!flags.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return SpanContext.getInvalid();
        }
        // createFromRemoteParent validates the ids (hex, not all zero) and answers an invalid context otherwise
        return SpanContext.createFromRemoteParent(value.substring(3, 35), value.substring(36, 52),
                TraceFlags.fromHex(flags, 0), TraceState.getDefault());
    }
}
