package vn.govqms.kit.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One recorded change. */
@Schema(name = "AuditEntry")
public record AuditEntry(
        long id,
        @Schema(example = "agency") String resourceType,
        @Schema(example = "5b7d0c1e-5a7f-4d6e-9f0a-1c2b3d4e5f60") String resourceId,
        UUID agencyId,
        @Schema(example = "updated") String action,
        @Schema(description = "Token subject of who did it", example = "admin-24") String actor,
        OffsetDateTime at,
        @Schema(description = "Changed fields: {field: {from, to}}", example = "{\"name\":{\"from\":\"Sở KH&CN\",\"to\":\"Sở Khoa học và Công nghệ\"}}")
        JsonNode changes) {
}
