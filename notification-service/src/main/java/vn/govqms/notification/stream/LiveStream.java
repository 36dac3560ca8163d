package vn.govqms.notification.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.Scope;
import vn.govqms.notification.agency.AgencyLookup;
import vn.govqms.notification.event.IntegrationView;

import java.util.Set;
import java.util.UUID;

/**
 * The live stream of the agencies a caller reads ({@link Scope#rows()}: one agency, a ministry's units, a province, every
 * agency), or of one of them: every event that notified someone there, and every score change, in the order received
 * ({@code seq} of the event log, the SSE id). A one-stop-shop system receives only the types and fields its REST reads allow
 * ({@link IntegrationView}). A client that reconnects with {@code Last-Event-ID} gets what it missed; rows are streamed once
 * they are settled ({@code govqms.stream.settle} old), so that a transaction committing late cannot leave a gap. All the
 * streams of an instance are fed by one poller ({@link StreamFeed}).
 */
@ApplicationScoped
public class LiveStream {

    public record Item(long seq, String kind, String json) {
    }

    /**
     * What a stream shows, decided when it opens: the agencies the caller lists, narrowed to one or not; {@code integration}:
     * only what a one-stop-shop system receives.
     */
    public record Watch(AgencyFilter rows, UUID agencyId, boolean integration) {

        private static final Set<String> INTEGRATION_TYPES = Set.of(IntegrationView.deliveredTypes());

        /** Whether a row of the feed belongs to this stream (the same conditions as a replay's query). */
        boolean admits(Fact f) {
            return (agencyId == null || agencyId.equals(f.agencyId()))
                    && (!integration || INTEGRATION_TYPES.contains(f.type()))
                    && rows.admits(f.agency());
        }
    }

    @Inject AgencyLookup agencies;
    @Inject StreamFeed feed;

    /**
     * What the caller may watch: the agencies {@link Scope#rows()} lets it list, or one of them it reads (403 otherwise, 422
     * unknown); refusals come before the stream opens.
     */
    public Uni<Watch> watch(Scope scope, UUID agencyId) {
        AgencyFilter rows = scope.rows();
        boolean integration = scope.level() == Scope.Level.INTEGRATION;
        if (agencyId == null) {
            return Uni.createFrom().item(new Watch(rows, null, integration));
        }
        return agencies.named("agencyId", agencyId).map(ref -> {
            scope.requireRead(ref);
            return new Watch(rows, agencyId, integration);
        });
    }

    /** The sequence after which a stream starts: the client's {@code Last-Event-ID}, else now. */
    public static Long after(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        long id;
        try {
            id = Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("Last-Event-ID", "an id sent by this stream (a whole number)");
        }
        if (id < 0) {
            // ids the stream sends are never negative: such a value is a client's mistake, not "from the start"
            throw ProblemException.invalidField("Last-Event-ID", "an id sent by this stream (a whole number, not negative)");
        }
        return id;
    }

    /**
     * Opens a stream for {@code subject} (429 before it opens when the caller's or this instance's streams are at their cap):
     * what it missed after {@code after}, then what comes.
     */
    public Multi<Item> open(String subject, Watch watch, Long after) {
        Runnable place = feed.reserve(subject);
        return feed.open(watch, after, place);
    }
}
