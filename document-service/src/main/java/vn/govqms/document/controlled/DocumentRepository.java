package vn.govqms.document.controlled;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.document.agency.Agency;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.paging.Pages;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.kit.paging.Where;
import vn.govqms.kit.text.VietnameseText;

import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<ControlledDocument, UUID> {

    /**
     * Filters of the document list; null means any. {@code text} is matched without diacritics against
     * code, title and the newest version's content; {@code status} means "has a version in this status";
     * {@code issuedOnly} keeps documents with a version that was issued, and counts only such versions.
     */
    public record Filter(UUID agencyId, AgencyFilter scope, DocumentType type, String text, VersionStatus status,
                         String tthcCode, UUID legalBasisId, boolean issuedOnly) {

        public Filter(UUID agencyId, DocumentType type, String text) {
            this(agencyId, null, type, text, null, null, null, false);
        }

        /** The same filter within the caller's scope ({@code agency} asked for and checked, or the scope's rows). */
        public Filter within(UUID agency, AgencyFilter rows, boolean issuedOnly) {
            return new Filter(agency, rows, type, text, status, tthcCode, legalBasisId, issuedOnly);
        }
    }

    /** A document with its agency and its newest version (null if none), or its newest issued one. */
    public record WithAgency(ControlledDocument document, Agency agency, DocumentVersion newest) {
    }

    /** The most frequent read: the document, its agency (for the scope check) and its newest version in one round trip. */
    public Uni<WithAgency> findWithAgency(UUID documentId, boolean issuedOnly) {
        return getSession().chain(session -> session.createSelectionQuery("select d, a, v from ControlledDocument d "
                        + "join Agency a on a.id = d.agencyId left join DocumentVersion v on v.documentId = d.id "
                        + "and v.revision = (select max(x.revision) from DocumentVersion x where x.documentId = d.id"
                        + (issuedOnly ? " and x.issuedAt is not null" : "") + ") "
                        + "where d.id = :id", Object[].class)
                .setParameter("id", documentId).setReadOnly(true).getSingleResultOrNull())
                .map(row -> row == null ? null : new WithAgency((ControlledDocument) row[0], (Agency) row[1], (DocumentVersion) row[2]));
    }

    public Uni<ControlledDocument> findByCode(UUID agencyId, String code) {
        return find("agencyId = ?1 and code = ?2", agencyId, code).firstResult();
    }

    public Uni<Page<ControlledDocument>> list(Filter f, PageRequest page) {
        Where where = new Where().equal("d.agencyId", f.agencyId()).equal("d.type", f.type());
        if (f.scope() != null && !f.scope().all()) {
            where.add("d.agencyId in (select a.id from Agency a where " + f.scope().jpql("a") + ")", f.scope().jpqlParameters());
        }
        if (f.text() != null) {
            where.add("d.searchText like :text", Map.of("text", VietnameseText.containsPattern(f.text())));
        }
        if (f.status() != null) {
            where.add("exists (select 1 from DocumentVersion v where v.documentId = d.id and v.status = :status"
                    + (f.issuedOnly() ? " and v.issuedAt is not null)" : ")"), Map.of("status", f.status()));
        } else if (f.issuedOnly()) {
            where.add("exists (select 1 from DocumentVersion v where v.documentId = d.id and v.issuedAt is not null)", Map.of());
        }
        if (f.tthcCode() != null) {
            where.add("exists (select 1 from DocumentVersion v, AdministrativeProcedure p where v.documentId = d.id "
                    + "and v.tthcProcedureId = p.id and p.code = :tthc)", Map.of("tthc", f.tthcCode()));
        }
        if (f.legalBasisId() != null) {
            where.add("exists (select 1 from DocumentVersion v, VersionLegalBasis b where v.documentId = d.id "
                    + "and b.ownerId = v.id and b.legalDocumentId = :basis)", Map.of("basis", f.legalBasisId()));
        }
        String query = "from ControlledDocument d" + (where.jpql().isEmpty() ? "" : " where " + where.jpql());
        return Pages.of(find(query, Sort.by("d.code"), where.parameters()), page);
    }
}
