package vn.govqms.kit.web;

import jakarta.ws.rs.core.EntityTag;
import vn.govqms.kit.problem.ProblemException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Optimistic concurrency and conditional reads at the edge: the ETag of a versioned resource is its version; an update
 * must say which version it changes ({@code If-Match}), and a stale one is refused with 412. A resource without a
 * version is tagged by a digest of its JSON ({@link #ofContent}); a read that names the current tag in
 * {@code If-None-Match} is answered 304 ({@link ConditionalGet}).
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** A strong tag for a representation without a version: a digest of its bytes (equal bytes, equal tag). */
    public static EntityTag ofContent(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            // 128 bits are plenty to tell two representations of one resource apart
            return new EntityTag("h" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * True when {@code If-None-Match} names {@code current} (or is {@code *}): the client's copy is current. The comparison
     * is weak, as RFC 9110 asks for this header: a {@code W/} prefix is ignored.
     */
    public static boolean noneMatchHits(String ifNoneMatch, EntityTag current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || current == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.replace("\"", "").equals(current.getValue())) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code ifMatch} ({@code "3"}, {@code 3}, {@code W/"3"}, a list, or {@code *}) names the current version. */
    public static boolean matches(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return false;
        }
        String expected = Long.toString(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.replace("\"", "").equals(expected)) {
                return true;
            }
        }
        return false;
    }

    /** Checks {@code If-Match} against the current version: 428 when absent, 412 when stale. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Send the ETag you read in an If-Match header, so that you do not overwrite someone else's change.");
        }
        String expected = Long.toString(currentVersion);
        if (matches(ifMatch, currentVersion)) {
            return;
        }
        throw ProblemException.preconditionFailed("The resource has changed since you read it (its ETag is now \""
                + expected + "\"); read it again and retry.");
    }
}
