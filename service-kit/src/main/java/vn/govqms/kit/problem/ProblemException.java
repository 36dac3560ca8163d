package vn.govqms.kit.problem;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;

/**
 * A refusal that becomes an {@code application/problem+json} response: the status, a stable type
 * (its last path segment, e.g. {@code invalid-transition}), a title, a detail for the reader and
 * extra members (allowed actions, the numbers that broke a rule, ...).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ProblemException(int status, String type, String title, String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Response headers the refusal carries besides the body ({@code Retry-After}, ...). */
    public Map<String, String> headers() {
        return headers;
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "No " + what + " with id " + id + ".");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail);
    }

    /** A field failed validation outside Bean Validation (parsed query parameters and the like). */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Invalid input", field + ": " + message,
                Map.of("errors", List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    /** An action not allowed in the resource's current state; says which are. */
    public static ProblemException invalidTransition(String resource, String state, String action,
                                                     Collection<String> allowed) {
        return new ProblemException(409, "invalid-transition", "Action not allowed in this state",
                "Cannot " + action + " a " + resource + " that is " + state + "; allowed now: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".",
                Map.of("state", state, "action", action, "allowedActions", allowed));
    }

    /** A domain rule is broken by otherwise well-formed input. */
    public static ProblemException unprocessable(String type, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(422, type, title, detail, extensions);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "stale-version", "Precondition failed", detail);
    }

    /** A bound on the caller or on this instance is reached; {@code Retry-After} says when to try again (whole seconds). */
    public static ProblemException tooManyRequests(String type, String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return new ProblemException(429, type, "Too many requests", detail, Map.of("retryAfterSeconds", seconds))
                .withHeader("Retry-After", Long.toString(seconds));
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(428, "if-match-required", "Precondition required", detail);
    }
}
