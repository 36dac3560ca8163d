package vn.govqms.kit.web;

import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Query parameters read as text and parsed here, so that a wrong value is a 400 problem naming the
 * parameter (JAX-RS answers 404 for a parameter it cannot convert). Blank means absent.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The value, refused with a 400 naming the parameter when absent. */
    public static <T> T required(String name, T value) {
        if (value == null) {
            throw ProblemException.invalidField(name, "is required");
        }
        return value;
    }

    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ProblemException.invalidField(name, "at most " + maxLength + " characters");
        }
        return value.trim();
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "a UUID");
        }
    }

    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "a date as YYYY-MM-DD");
        }
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
