package vn.govqms.kit.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.RestQuery;
import vn.govqms.kit.problem.ProblemException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

/**
 * Typed query parameters ({@code UUID}, {@code LocalDate}, {@code Instant}, {@code OffsetDateTime}, enums, {@code Boolean}, {@code Integer},
 * {@code Long}, trimmed {@code String}) for the resources' query records: a value that does not convert is a 400
 * problem naming the parameter, where JAX-RS would answer 404 without saying which. Blank means absent.
 * Only query parameters: path and header parameters keep the JAX-RS conversions.
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryName(annotations);
        if (name == null) {
            return null;
        }
        Function<String, Object> parse;
        String expected;
        if (rawType == String.class) {
            parse = s -> s;
            expected = "text";
        } else if (rawType == UUID.class) {
            parse = UUID::fromString;
            expected = "a UUID";
        } else if (rawType == LocalDate.class) {
            parse = LocalDate::parse;
            expected = "a date as YYYY-MM-DD";
        } else if (rawType == Instant.class) {
            parse = s -> OffsetDateTime.parse(s).toInstant();
            expected = "a date and time with its offset (ISO 8601, e.g. 2026-03-02T08:00:00+07:00)";
        } else if (rawType == OffsetDateTime.class) {
            parse = OffsetDateTime::parse;
            expected = "a date and time with its offset (ISO 8601, e.g. 2026-03-02T08:00:00+07:00)";
        } else if (rawType == Boolean.class) {
            parse = s -> switch (s) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException(s);
            };
            expected = "true or false";
        } else if (rawType == Integer.class) {
            parse = Integer::valueOf;
            expected = "a whole number";
        } else if (rawType == Long.class) {
            parse = Long::valueOf;
            expected = "a whole number";
        } else if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            parse = s -> Enum.valueOf(type, s);
            expected = "one of " + Arrays.toString(rawType.getEnumConstants());
        } else {
            return null;
        }
        return (ParamConverter<T>) new Converter(name, parse, expected);
    }

    private static String queryName(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof RestQuery q) {
                return q.value();
            }
        }
        return null;
    }

    private record Converter(String name, Function<String, Object> parse, String expected) implements ParamConverter<Object> {

        @Override
        public Object fromString(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parse.apply(value.trim());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                // a WebApplicationException passes through the parameter handling as it is; ProblemMapper answers its cause
                throw new BadRequestException(ProblemException.invalidField(name, expected));
            }
        }

        @Override
        public String toString(Object value) {
            return value == null ? null : value.toString();
        }
    }
}
