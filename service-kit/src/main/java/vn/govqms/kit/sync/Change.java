package vn.govqms.kit.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/**
 * One change of a sync feed: the item as it is now, or a tombstone ({@code deleted: true}, no item) when it was deleted
 * or moved out of what the caller may read.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Change<T>(
        @Schema(description = "The item's id", example = "5b7d0c1e-5a7f-4d6e-9f0a-1c2b3d4e5f60") String id,
        @Schema(description = "When it changed (updated_at), or when it left the feed") OffsetDateTime at,
        @Schema(description = "True for a tombstone: drop the item", example = "false") boolean deleted,
        @Schema(description = "The item as it is now (absent on a tombstone)") T item) {

    public static <T> Change<T> of(String id, OffsetDateTime at, T item) {
        return new Change<>(id, at, false, item);
    }

    public static <T> Change<T> tombstone(String id, OffsetDateTime at) {
        return new Change<>(id, at, true, null);
    }
}
