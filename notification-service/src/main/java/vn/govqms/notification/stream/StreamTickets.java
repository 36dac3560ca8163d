package vn.govqms.notification.stream;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

/**
 * Stream tickets: 256 random bits (base64url), not a token, kept as a SHA-256 in {@code stream_ticket} with the caller's
 * subject and the scope decided when it was issued (the kit's {@link AgencyFilter}), valid {@code govqms.stream.ticket-validity}
 * and redeemed once (deleted as it is read, so two requests with one ticket cannot both open a stream). The ticket itself is
 * never stored and never logged.
 */
@ApplicationScoped
public class StreamTickets {

    /** Who a redeemed ticket was issued to, and what its stream shows. */
    public record Redeemed(String subject, LiveStream.Watch watch) {
    }

    public record Issued(String ticket, OffsetDateTime expiresAt) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject Pool pool;
    @Inject StreamConfig config;
    @Inject Clock clock;

    public Uni<Issued> issue(String subject, LiveStream.Watch watch) {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(config.ticketValidity());
        AgencyFilter rows = watch.rows();
        // tickets past their time are cleared as new ones are issued: the table holds about a minute's worth
        return pool.preparedQuery("""
                        with expired as (delete from stream_ticket where expires_at < $10)
                        insert into stream_ticket (ticket_hash, subject, integration, all_agencies, provinces, root_id, scope_agency,
                                                   scope_agency_province, narrow_agency, expires_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $11, $8, $9)""")
                .execute(Tuple.from(new Object[]{hash(ticket), subject, watch.integration(),
                        rows.all(), rows.provinces().toArray(new String[0]), rows.rootId(), rows.agencyId(), watch.agencyId(), expires, now,
                        rows.agencyProvince()}))
                .map(done -> new Issued(ticket, expires));
    }

    /**
     * The ticket's subject and scope, the ticket used up; 401 when it is unknown, used or expired; 400 (the ticket kept) when
     * {@code agencyId} is not the agency it was issued for (null: whichever it was issued for).
     */
    public Uni<Redeemed> redeem(String ticket, UUID agencyId) {
        if (ticket == null || ticket.isBlank() || ticket.length() > 100) {
            return Uni.createFrom().failure(refused());
        }
        String hash = hash(ticket);
        return pool.preparedQuery("""
                        delete from stream_ticket where ticket_hash = $1 and ($2::uuid is null or narrow_agency = $2)
                        returning subject, integration, all_agencies, provinces, root_id, scope_agency, scope_agency_province, narrow_agency,
                                  expires_at""")
                .execute(Tuple.of(hash, agencyId))
                .chain(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    if (!it.hasNext()) {
                        return agencyId == null ? Uni.createFrom().failure(refused()) : otherAgency(hash, agencyId);
                    }
                    Row r = it.next();
                    if (!r.getOffsetDateTime("expires_at").isAfter(OffsetDateTime.now(clock))) {
                        return Uni.createFrom().failure(refused());
                    }
                    AgencyFilter filter = new AgencyFilter(r.getBoolean("all_agencies"), Set.of(r.getArrayOfStrings("provinces")),
                            r.getUUID("root_id"), r.getUUID("scope_agency"), r.getString("scope_agency_province"));
                    return Uni.createFrom().item(new Redeemed(r.getString("subject"),
                            new LiveStream.Watch(filter, r.getUUID("narrow_agency"), r.getBoolean("integration"))));
                });
    }

    /** A ticket kept because another agency was asked for than its own: 400 saying so (401 when there is no such ticket). */
    private Uni<Redeemed> otherAgency(String hash, UUID asked) {
        return pool.preparedQuery("select narrow_agency from stream_ticket where ticket_hash = $1").execute(Tuple.of(hash)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw refused();
            }
            UUID own = rows.iterator().next().getUUID("narrow_agency");
            throw ProblemException.invalidField("agencyId", "the ticket was issued for " + (own == null ? "no agency in particular"
                    : "agency " + own) + ", not " + asked + ": ask for a ticket naming this agency");
        });
    }

    private static ProblemException refused() {
        return new ProblemException(401, "invalid-stream-ticket", "Unauthorized", "This stream ticket is unknown, used or expired: "
                + "ask for a new one with your bearer token (POST /api/v1/notifications/stream-tickets).");
    }

    private static String hash(String ticket) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
