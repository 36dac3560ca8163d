package vn.govqms.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem detail: the body of every error response. Refusals add members of their own
 * (e.g. {@code allowedActions}); validation problems list the offending fields in {@code errors}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail, served as application/problem+json")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem", example = "https://govqms.vn/problems/validation") String type,
        @Schema(example = "Invalid input") String title,
        @Schema(example = "400") int status,
        @Schema(example = "name: must not be blank") String detail,
        @Schema(example = "/api/v1/agencies") String instance,
        @Schema(description = "For validation problems: the offending fields") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://govqms.vn/problems/";

    /** One offending field of a validation problem. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "name") String field, @Schema(example = "must not be blank") String message) {
    }
}
