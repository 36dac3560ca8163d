package vn.govqms.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.govqms.kit.db.DatabaseFailures;
import vn.govqms.kit.json.TooManyItemsException;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place where failures become {@code application/problem+json}. Bad input is always a 4xx;
 * a database that cannot be reached is a 503; only a fault of ours is a 500 (logged with an id
 * that the response carries).
 */
public class ProblemMapper {

    /** Above Quarkus' built-in mappers for the same exception types. */
    private static final int PRIORITY = 100;
    /** The constraint and the column PostgreSQL's messages name ({@code violates check constraint "score_range"}). */
    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern NULL_COLUMN = Pattern.compile("null value in column \"([^\"]+)\"");

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException e, UriInfo uri) {
        Map<String, Object> body = body(e.status(), e.type(), e.title(), e.getMessage(), uri);
        body.putAll(e.extensions());
        Response response = respond(e.status(), body);
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(response);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response validation(ValidationException e, UriInfo uri) {
        if (e instanceof ConstraintViolationException cve) {
            List<Problem.FieldError> errors = cve.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field()))
                    .toList();
            Map<String, Object> body = body(400, "validation", "Invalid input",
                    errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; ")), uri);
            body.put("errors", errors);
            return respond(400, body);
        }
        return respond(400, body(400, "validation", "Invalid input", e.getMessage(), uri));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        return json(e, uri);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri, "A valid bearer token is required.");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri, "The bearer token is invalid or expired.");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri, "The bearer token is invalid or expired.");
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(403, body(403, "forbidden", "Forbidden", "Your role does not allow this operation.", uri));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (causeOf(e, ProblemException.class) instanceof ProblemException problem) {
            // a query parameter that did not convert (QueryParamConverters)
            return problem(problem, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Throwable json = causeOf(e, JsonProcessingException.class);
        if (json != null) {
            return json((JsonProcessingException) json, uri);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource answers application/json only.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> e.getMessage();
        };
        String type = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "bad-request";
        };
        Response.ResponseBuilder r = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(body(status, type, title, detail, uri));
        e.getResponse().getHeaders().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Content-Length")) {
                v.forEach(value -> r.header(k, value));
            }
        });
        return r.build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response any(Throwable e, UriInfo uri) {
        ProblemException problem = causeOf(e, ProblemException.class) instanceof ProblemException p ? p : null;
        if (problem != null) {
            return problem(problem, uri);
        }
        if (causeOf(e, OptimisticLockException.class) != null
                || causeOf(e, StaleStateException.class) != null) {
            return respond(412, body(412, "stale-version", "Precondition failed",
                    "The resource was changed by someone else; read it again and retry with its new ETag.", uri));
        }
        Response refused = refusedByDatabase(e, uri);
        if (refused != null) {
            return refused;
        }
        if (DatabaseFailures.isTransient(e)) {
            return unavailable(uri);
        }
        return unexpected(e, uri);
    }

    /**
     * A write PostgreSQL refused for its data, as the pool reports it ({@link PgException}) or as Hibernate Reactive does (a
     * {@link SQLException} carrying the SQLSTATE and message, the PgException gone): a duplicate is 409 {@code conflict}; a
     * reference to a missing record 422 {@code unknown-reference} (deleting one still referred to, 409 {@code conflict}); a
     * check or not-null constraint 422 {@code constraint-violation}; any other data error 400. Null when the failure is not
     * of the data (the database out of reach, a fault of ours).
     */
    private Response refusedByDatabase(Throwable e, UriInfo uri) {
        String state;
        String message;
        if (causeOf(e, PgException.class) instanceof PgException pg && pg.getSqlState() != null) {
            state = pg.getSqlState();
            message = pg.getErrorMessage();
        } else if (causeOf(e, SQLException.class) instanceof SQLException sql && sql.getSQLState() != null) {
            state = sql.getSQLState();
            message = sql.getMessage();
        } else {
            return null;
        }
        message = message == null ? "" : message;
        Matcher constraint = CONSTRAINT.matcher(message);
        String named = constraint.find() ? " (" + constraint.group(1) + ")" : "";
        return switch (state) {
            case "23505" -> respond(409, body(409, "conflict", "Conflict", "This would duplicate an existing record" + named + ".", uri));
            case "23503" -> message.contains("update or delete on table")
                    ? respond(409, body(409, "conflict", "Conflict", "Other records still refer to this one" + named + ".", uri))
                    : respond(422, body(422, "unknown-reference", "Unknown reference", "The record refers to one that does not exist" + named + ".", uri));
            case "23514" -> respond(422, body(422, "constraint-violation", "Constraint violated", "The value breaks the rule" + named + ".", uri));
            case "23502" -> {
                Matcher column = NULL_COLUMN.matcher(message);
                yield respond(422, body(422, "constraint-violation", "Constraint violated",
                        (column.find() ? column.group(1) : "A required value") + " is required.", uri));
            }
            default -> state.startsWith("22") || state.startsWith("23")
                    ? respond(400, body(400, "bad-request", "Bad request", "The database refused the value: " + message, uri))
                    : null;
        };
    }

    private Response json(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException) {
            return respond(400, body(400, "malformed-json", "Malformed JSON",
                    "The body is not valid JSON: " + e.getOriginalMessage(), uri));
        }
        String field = e instanceof JsonMappingException jme ? pathOf(jme) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException upe) {
            message = "unknown field";
            field = field.isEmpty() ? upe.getPropertyName() : field;
        } else if (e instanceof InvalidFormatException ife) {
            message = "cannot read '" + ife.getValue() + "' as " + typeName(ife.getTargetType())
                    + (ife.getTargetType() != null && ife.getTargetType().isEnum()
                    ? " (one of " + enumValues(ife.getTargetType()) + ")" : "");
        } else if (e instanceof TooManyItemsException tooMany) {
            message = "at most " + tooMany.max() + " items";
        } else if (e instanceof MismatchedInputException mie) {
            message = "expected " + typeName(mie.getTargetType());
        } else {
            message = e.getOriginalMessage();
        }
        Map<String, Object> body = body(400, "validation", "Invalid input",
                (field.isEmpty() ? "body" : field) + ": " + message, uri);
        body.put("errors", List.of(new Problem.FieldError(field.isEmpty() ? "body" : field, message)));
        return respond(400, body);
    }

    private Response unauthenticated(UriInfo uri, String detail) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(body(401, "unauthorized", "Unauthorized", detail, uri)).build();
    }

    private Response unavailable(UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5")
                .entity(body(503, "unavailable", "Service unavailable",
                        "The database cannot be reached right now; retry shortly.", uri)).build();
    }

    private Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error %s on %s", incident, uri == null ? "?" : uri.getPath());
        Map<String, Object> body = body(500, "internal", "Internal error",
                "Something went wrong on our side; quote incident " + incident + " to the operators.", uri);
        body.put("incident", incident);
        return respond(500, body);
    }

    private static Map<String, Object> body(int status, String type, String title, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (uri != null) {
            body.put("instance", uri.getPath());
        }
        return body;
    }

    private static Response respond(int status, Map<String, Object> body) {
        if (status >= 400 && status < 500) {
            Log.debugf("%d %s: %s", status, body.get("instance"), body.get("detail"));
        }
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    /** "create.body.name" -> "name"; a violated query or path parameter keeps its own name. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> properties = new ArrayList<>();
        String parameter = "";
        for (Path.Node n : v.getPropertyPath()) {
            switch (n.getKind()) {
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (n.getName() != null) {
                        properties.add(n.getIndex() != null ? n.getName() + "[" + n.getIndex() + "]" : n.getName());
                    }
                }
                case PARAMETER -> parameter = n.getName();
                default -> {
                }
            }
        }
        return properties.isEmpty() ? parameter : String.join(".", properties);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            return "an enum value";
        }
        return switch (type.getSimpleName()) {
            case "String" -> "a string";
            case "int", "Integer", "long", "Long", "short", "Short" -> "an integer";
            case "double", "Double", "float", "Float", "BigDecimal" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime", "ZonedDateTime" -> "a date-time (ISO 8601)";
            case "UUID" -> "a UUID";
            case "List", "Set", "Collection" -> "an array";
            default -> type.isArray() ? "an array" : "an object";
        };
    }

    private static String enumValues(Class<?> type) {
        Object[] constants = type.getEnumConstants();
        List<String> names = new ArrayList<>();
        for (Object c : constants) {
            names.add(((Enum<?>) c).name());
        }
        return String.join(", ", names);
    }

    static Throwable causeOf(Throwable e, Class<? extends Throwable> type) {
        Throwable t = e;
        for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
