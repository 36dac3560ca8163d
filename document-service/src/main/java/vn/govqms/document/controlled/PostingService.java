package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.document.agency.AgencyRepository;
import vn.govqms.document.controlled.DocumentDtos.NewPosting;
import vn.govqms.document.controlled.DocumentDtos.PostingView;
import vn.govqms.kit.audit.TrailEntry;
import vn.govqms.kit.command.Outcome;
import vn.govqms.kit.command.UnitOfWork;
import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Scope;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Posting at the office notice board (niêm yết) and publication on the portal (đăng tải), per issued version: where,
 * when, the link. Only a version in force is posted (422 otherwise); each new posting is {@code document.posted}, which
 * scoring-service counts ("procedures issued but not posted"). The same posting sent again is the one recorded.
 */
@ApplicationScoped
public class PostingService {

    public static final String POSTED = EventTypes.of("document", "document.posted");

    @Inject DocumentRepository documents;
    @Inject VersionRepository versions;
    @Inject AgencyRepository agencies;
    @Inject UnitOfWork work;
    @Inject Clock clock;
    @Inject Scope scope;

    /** What happened: the posting, and whether it was new (false: the same posting was recorded before). */
    public record Recorded(PostingView posting, boolean created) {
    }

    @WithTransaction
    public Uni<Recorded> record(UUID documentId, int revision, NewPosting in, Caller caller) {
        DocumentPolicy.requirePostingRecorder(caller);
        if (in.channel() == PostingChannel.PORTAL && (in.url() == null || in.url().isBlank())) {
            throw ProblemException.invalidField("url", "is required for PORTAL: the page the version is published on");
        }
        if (in.postedOn().isAfter(scope.today())) {
            throw ProblemException.invalidField("postedOn", "must not be in the future");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return scoped(documentId, true).chain(found -> {
            return versions.byRevision(documentId, revision).chain(v -> {
                if (v == null) {
                    throw ProblemException.notFound("revision of document " + documentId, revision);
                }
                if (v.status != VersionStatus.ISSUED) {
                    throw ProblemException.unprocessable("version-not-issued", "Only an issued version is posted",
                            "Revision " + revision + " is " + v.status.label() + " (" + v.status.name() + "): only the version in force "
                                    + "is posted at the office or published on the portal.",
                            Map.of("revision", revision, "versionStatus", v.status.name()));
                }
                if (v.issuedAt != null && in.postedOn().isBefore(CirculationService.issuedOn(v))) {
                    throw ProblemException.invalidField("postedOn", "must not be before the revision was issued (" + CirculationService.issuedOn(v) + ")");
                }
                String url = in.url() == null || in.url().isBlank() ? null : in.url().trim();
                String place = in.place() == null || in.place().isBlank() ? null : in.place().trim();
                return VersionPosting.<VersionPosting>find("versionId = ?1 and channel = ?2 and postedOn = ?3 and coalesce(url, '') = ?4",
                        v.id, in.channel(), in.postedOn(), url == null ? "" : url).firstResult().chain(same -> {
                    if (same != null) {
                        return Uni.createFrom().item(new Recorded(same.view(revision), false));
                    }
                    VersionPosting p = new VersionPosting();
                    p.id = UUID.randomUUID();
                    p.documentId = documentId;
                    p.versionId = v.id;
                    p.channel = in.channel();
                    p.postedOn = in.postedOn();
                    p.place = place;
                    p.url = url;
                    p.recordedBy = caller.subject();
                    p.createdAt = now;
                    ControlledDocument d = found.document();
                    // the document's own fields describe the revision in force
                    if (d.currentRevision != null && d.currentRevision == revision) {
                        if (p.channel == PostingChannel.NOTICE_BOARD) {
                            d.postedOn = p.postedOn;
                        } else {
                            d.portalUrl = p.url;
                            d.publishedOn = p.postedOn;
                        }
                        d.touch();
                    }
                    return p.persist().chain(() -> work.record(() -> Outcome.of(TrailEntry.on("document", d.id, found.agency().ref())
                                    .did("posted revision " + revision + " (" + p.channel.name() + ")", caller.subject(), null, p.view(revision)),
                                    OutgoingEvent.of(DocumentEvents.TOPIC, d.agencyId.toString(), POSTED,
                                    "documents/" + d.id + "/versions/" + revision, now, new PostedData(p.id, d.id, d.agencyId, d.code,
                                            d.title, d.type.name(), revision, p.channel.name(), p.postedOn, p.place, p.url, p.recordedBy)))))
                            .map(ignored -> new Recorded(p.view(revision), true));
                });
            });
        });
    }

    /** The document (managed: the fields of the revision in force change with a posting) and its agency, in the caller's scope. */
    private Uni<CirculationService.Scoped> scoped(UUID documentId, boolean write) {
        return documents.findById(documentId).chain(d -> {
            if (d == null) {
                throw ProblemException.notFound("document", documentId);
            }
            return agencies.findById(d.agencyId).map(a -> {
                if (write) {
                    scope.requireWrite(a.ref());
                } else {
                    scope.requireRead(a.ref());
                }
                return new CirculationService.Scoped(d, a);
            });
        });
    }

    /** The data of {@code document.posted}. */
    public record PostedData(UUID postingId, UUID documentId, UUID agencyId, String code, String title, String type, int revision,
                             String channel, LocalDate postedOn, String place, String url, String recordedBy) {
    }

    /** The postings of a document, of one revision ({@code revision} > 0) or all, newest revision first. */
    @WithSession
    public Uni<Page<PostingView>> list(UUID documentId, int revision, PageRequest page) {
        String where = " from VersionPosting p join DocumentVersion v on v.id = p.versionId where p.documentId = :document"
                + (revision > 0 ? " and v.revision = :revision" : "");
        return scoped(documentId, false).chain(found -> {
            return Panache.getSession().chain(session -> {
                var items = session.createSelectionQuery("select p, v.revision" + where + " order by v.revision desc, p.postedOn, p.channel",
                        Object[].class).setParameter("document", documentId);
                var count = session.createSelectionQuery("select count(p)" + where, Long.class).setParameter("document", documentId);
                if (revision > 0) {
                    items.setParameter("revision", revision);
                    count.setParameter("revision", revision);
                }
                return items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList()
                        .chain(rows -> count.getSingleResult().map(total -> Page.of(rows.stream()
                                .map(r -> ((VersionPosting) r[0]).view((Integer) r[1])).toList(), page, total)));
            });
        });
    }
}
