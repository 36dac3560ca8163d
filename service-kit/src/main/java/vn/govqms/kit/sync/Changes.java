package vn.govqms.kit.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One page of a sync feed, oldest change first (by time, then id); {@code next} is the token of the following call,
 * given even when nothing changed, and {@code more} says whether to call again at once.
 */
public record Changes<T>(
        List<Change<T>> changes,
        @Schema(description = "Pass it back as since= on the next sync", example = "MXwxNzY0ODQ2MDAwfDEyMzQ1Nnw1YjdkMGMxZQ") String next,
        @Schema(description = "True when more changes wait: call again with next right away", example = "false") boolean more) {
}
