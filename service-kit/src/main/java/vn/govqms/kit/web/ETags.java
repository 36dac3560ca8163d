package vn.govqms.kit.web;

import jakarta.ws.rs.core.EntityTag;
import vn.govqms.kit.problem.ProblemException;

/**
 * Optimistic concurrency at the edge: the ETag of a resource is its version; an update must say
 * which version it changes ({@code If-Match}), and a stale one is refused with 412.
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Checks {@code If-Match} against the current version: 428 when absent, 412 when stale. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Send the ETag you read in an If-Match header, so that you do not overwrite someone else's change.");
        }
        String expected = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.replace("\"", "").equals(expected)) {
                return;
            }
        }
        throw ProblemException.preconditionFailed("The resource has changed since you read it (its ETag is now \""
                + expected + "\"); read it again and retry.");
    }
}
