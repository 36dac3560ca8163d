package vn.govqms.document.qms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.document.agency.QmsStatus;
import vn.govqms.document.agency.StandardEdition;
import vn.govqms.document.legal.LegalStatus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the QMS API of an agency reads and writes. */
public final class QmsDtos {

    private QmsDtos() {
    }

    @Schema(name = "QmsProgress", description = "Building and applying the system (announcing is done by an announcement); send If-Match")
    public record Progress(@NotNull @Schema(example = "APPLYING") QmsStatus status,
                           @Schema(example = "ISO_9001_2015") StandardEdition standardEdition) {
    }

    @Schema(name = "NewQmsAnnouncement")
    public record NewAnnouncement(
            @NotBlank @Size(max = 100) @Schema(example = "45/QĐ-SKHCN") String decisionNumber,
            @NotNull @Schema(example = "2015-05-20") LocalDate decisionDate,
            @NotNull @Schema(example = "ISO_9001_2015") StandardEdition standardEdition,
            @NotBlank @Size(max = 5000) @Schema(example = "Toàn bộ hoạt động giải quyết thủ tục hành chính và hoạt động nội bộ của Sở") String scope,
            @Schema(example = "2015-05-25") LocalDate notifiedLeadAgencyOn) {
    }

    @Schema(name = "QmsAnnouncement")
    public record AnnouncementView(UUID id, UUID agencyId, String decisionNumber, LocalDate decisionDate,
                                   StandardEdition standardEdition, String scope, LocalDate notifiedLeadAgencyOn,
                                   String announcedBy, OffsetDateTime createdAt) {

        static AnnouncementView of(QmsAnnouncement a) {
            return new AnnouncementView(a.id, a.agencyId, a.decisionNumber, a.decisionDate, a.standardEdition, a.scope,
                    a.notifiedLeadAgencyOn, a.announcedBy, a.createdAt);
        }
    }

    @Schema(name = "HandledProcedures", description = "The TTHCs the agency handles, as the province publishes them")
    public record HandledProcedures(@NotNull @Size(max = 2000) List<@NotNull UUID> procedureIds,
                                    @NotNull @Schema(example = "2025-07-01") LocalDate since) {
    }

    @Schema(name = "HandledProcedure")
    public record HandledView(UUID procedureId, String code, String name, int processingDays, String status, LocalDate since) {
    }

    @Schema(name = "ExternalDocument", description = "A legal document the agency's issued documents rely on")
    public record ExternalDocumentView(UUID legalDocumentId, String number, String title, LocalDate effectiveDate,
                                       LegalStatus status, String statusLabel, long citedByDocuments) {
    }
}
