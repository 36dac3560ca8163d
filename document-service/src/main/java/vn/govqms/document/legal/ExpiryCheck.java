package vn.govqms.document.legal;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import vn.govqms.document.procedurereview.ReviewTaskQueries;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.kit.schedule.Sweeps;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A legal document whose expiry date has come, with no document repealing or replacing it by then, ends like a
 * repealed one: {@code legal-document.changed} (EXPIRED) and review tasks for the procedures relying on it, effective
 * the day after its expiry date. Each document is announced once: the first instance to mark it takes it (the mark is
 * one update, so several instances and repeated runs announce nothing twice); a corrected expiry date clears the mark.
 */
@ApplicationScoped
public class ExpiryCheck {

    private static final String MARK = """
            update legal_document set expiry_announced_at = cast(?1 as timestamptz)
            where expiry_date <= cast(?2 as date) and expiry_announced_at is null""";

    @Inject LegalDocumentRepository documents;
    @Inject LegalBases bases;
    @Inject ReviewTaskQueries reviews;
    @Inject Outbox outbox;
    @Inject Clock clock;

    @Scheduled(every = "${govqms.review.expiry-check-every}", delay = 5, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return Sweeps.logged(Panache.withTransaction(() -> Panache.getSession().chain(this::announce)),
                "%d legal documents expired; their procedures are due for review", "expiry check");
    }

    /** Marks the documents whose expiry date has come, announces those that expired alone; returns how many did. */
    Uni<Integer> announce(Mutiny.Session session) {
        // the mark identifies this run's documents: stored to the microsecond, as PostgreSQL keeps it
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        return session.createNativeQuery(MARK).setParameter(1, now).setParameter(2, now.toLocalDate()).executeUpdate()
                .chain(marked -> marked == 0 ? Uni.createFrom().item(List.<LegalDocument>of())
                        : documents.list("expiryAnnouncedAt", now).chain(bases::expiredAlone))
                .chain(expired -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (LegalDocument d : expired) {
                        chain = chain.chain(() -> outbox.publish(session, LegalEvents.expired(d, now)));
                    }
                    return chain.chain(() -> reviews.legalDocumentsExpired(session, expired.stream().map(d -> d.id).toList()))
                            .replaceWith(expired.size());
                });
    }
}
