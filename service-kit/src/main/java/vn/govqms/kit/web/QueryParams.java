package vn.govqms.kit.web;

import vn.govqms.kit.problem.ProblemException;

import java.util.UUID;

/**
 * What typed query parameters leave to a resource. Values are converted, and refused with a 400 naming the
 * parameter, by {@link QueryParamConverters}; bounds by Bean Validation on the query records.
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

    /** A UUID read from text the resource must take as it came (the live stream's parameters); blank means absent. */
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
}
