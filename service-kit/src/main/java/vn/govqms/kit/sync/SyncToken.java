package vn.govqms.kit.sync;

import vn.govqms.kit.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Where a sync stopped: the last change it returned, as (time, id). Opaque to clients (base64url), because an instant
 * alone cannot say where among the rows changed in the same microsecond a page ended, and because the server may change
 * what it carries without breaking apps that only pass it back.
 */
public record SyncToken(OffsetDateTime at, String id) {

    private static final String VERSION = "1";

    public SyncToken {
        // PostgreSQL keeps microseconds: a finer cursor would never equal the row it came from
        at = at.truncatedTo(ChronoUnit.MICROS).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** Before every change: where a first sync starts. */
    public static final SyncToken START = new SyncToken(Instant.EPOCH.atOffset(ZoneOffset.UTC), "");

    public String encode() {
        Instant i = at.toInstant();
        String raw = VERSION + "|" + i.getEpochSecond() + "|" + (i.getNano() / 1000) + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The token a client sent back; null when it sent none (a first sync). A token that is not ours is a 400. */
    public static SyncToken decode(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\|", 4);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException(raw);
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]) * 1000);
            return new SyncToken(at.atOffset(ZoneOffset.UTC), parts[3]);
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("since", "not a sync token this service gave (pass back the next token of a sync answer)");
        }
    }
}
