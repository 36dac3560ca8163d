package vn.govqms.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem detail: the body of every error response. Refusals add members of their own
 * (e.g. {@code allowedActions}); validation problems list the offending fields in {@code errors}.
 * Its OpenAPI schema, and the problem responses of every operation, come from {@link ProblemResponses}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://govqms.vn/problems/";

    /** One offending field (or parameter) of a validation problem. */
    public record FieldError(String field, String message) {
    }
}
