package vn.govqms.document.qms;

import jakarta.validation.Valid;
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

    @Schema(name = "QmsProgress", description = "Building and applying the system (announcing is done by an announcement); send If-Match", example = """
            {"status": "APPLYING", "standardEdition": "ISO_9001_2015", "effectiveDate": "2026-06-01"}""")
    public record Progress(@NotNull @Schema(example = "APPLYING") QmsStatus status,
                           @Schema(example = "ISO_9001_2015") StandardEdition standardEdition,
                           @Schema(description = "The day the status or edition was reached (building finished, conversion done); "
                                   + "default today, never in the future", example = "2015-04-20") LocalDate effectiveDate) {
    }

    @Schema(name = "QmsStepOutsideSystem", description = "A step that happened outside the system, recorded by the announcement with its evidence")
    public record OutsideStep(@NotNull @Schema(example = "INTERNAL_AUDIT") AnnouncementStep step,
                              @Schema(example = "2015-04-10") LocalDate heldOn,
                              @NotBlank @Size(max = 1000) @Schema(example = "Báo cáo đánh giá nội bộ số 12/BC-SKHCN ngày 10/4/2015 (bản giấy)")
                              String evidence) {
    }

    @Schema(name = "EffectivenessConfirmation", description = "The head confirms the effectiveness of the QMS (xác nhận hiệu lực)", example = """
            {"confirmedOn": "2026-11-20", "reference": "Biên bản kiểm tra số 45/BB-SKHCN ngày 20/11/2026 của Sở Khoa học và Công nghệ"}""")
    public record EffectivenessConfirmation(@NotNull @Schema(example = "2015-05-15") LocalDate confirmedOn,
                                            @NotBlank @Size(max = 300) @Schema(example = "Văn bản số 120/SKHCN-VP ngày 15/5/2015")
                                            String reference) {
    }

    @Schema(name = "QmsStep", description = "A step on record before announcing")
    public record StepView(UUID id, UUID agencyId, AnnouncementStep step, String stepLabel, LocalDate heldOn, String reference,
                           QmsStep.Source source, String recordedBy, OffsetDateTime createdAt) {

        static StepView of(QmsStep s) {
            return new StepView(s.id, s.agencyId, s.step, s.step.label(), s.heldOn, s.reference, s.source, s.recordedBy, s.createdAt);
        }
    }

    @Schema(name = "AnnouncementReadiness", description = "Whether the agency may announce on a day, step by step")
    public record Readiness(UUID agencyId, @Schema(example = "2015-05-20") LocalDate on, boolean ready,
                            List<AnnouncementReadiness.StepState> steps) {
    }

    @Schema(name = "NewAnnouncementPosting", description = "Where and when the announcement was posted: at the office (place) or on the portal (link)", example = """
            {"channel": "PORTAL", "link": "https://sotuphap.ninhbinh.gov.vn/cong-bo-httqlcl-2026", "postedOn": "2026-12-16"}""")
    public record NewPosting(@NotNull @Schema(example = "PORTAL") AnnouncementPosting.Channel channel,
                             @Size(max = 500) @Schema(example = "Bảng niêm yết tại Bộ phận Một cửa, tầng 1") String place,
                             @Size(max = 2000) @Schema(example = "https://skhcn.bacgiang.gov.vn/cong-bo-htqlcl") String link,
                             @NotNull @Schema(example = "2015-05-22") LocalDate postedOn) {
    }

    @Schema(name = "AnnouncementPosting")
    public record PostingView(UUID id, AnnouncementPosting.Channel channel, String channelLabel, String place, String link,
                              LocalDate postedOn, String recordedBy) {

        static PostingView of(AnnouncementPosting p) {
            return new PostingView(p.id, p.channel, p.channel.label(), p.place, p.link, p.postedOn, p.recordedBy);
        }
    }

    @Schema(name = "NewQmsAnnouncement", example = """
            {"decisionNumber": "256/QĐ-STP", "decisionDate": "2026-12-15", "standardEdition": "ISO_9001_2015",
             "scope": "Hoạt động giải quyết thủ tục hành chính thuộc thẩm quyền của Sở Tư pháp tỉnh Ninh Bình", "notifiedLeadAgencyOn": "2026-12-18",
             "stepsOutsideSystem": [{"step": "INTERNAL_AUDIT", "heldOn": "2026-10-14", "evidence": "Báo cáo đánh giá nội bộ số 45/BC-STP"}]}""")
    public record NewAnnouncement(
            @NotBlank @Size(max = 100) @Schema(example = "45/QĐ-SKHCN") String decisionNumber,
            @NotNull @Schema(example = "2015-05-20") LocalDate decisionDate,
            @NotNull @Schema(example = "ISO_9001_2015") StandardEdition standardEdition,
            @NotBlank @Size(max = 5000) @Schema(example = "Toàn bộ hoạt động giải quyết thủ tục hành chính và hoạt động nội bộ của Sở") String scope,
            @Schema(example = "2015-05-25") LocalDate notifiedLeadAgencyOn,
            @Schema(description = "Steps that happened outside the system (before it was used, on paper): each counts for this "
                    + "announcement and is recorded and shown with it")
            @Size(max = 4) List<@NotNull @Valid OutsideStep> stepsOutsideSystem) {

        public List<OutsideStep> outside() {
            return stepsOutsideSystem == null ? List.of() : stepsOutsideSystem;
        }
    }

    @Schema(name = "QmsAnnouncement")
    public record AnnouncementView(UUID id, UUID agencyId, String decisionNumber, LocalDate decisionDate,
                                   StandardEdition standardEdition, String scope, LocalDate notifiedLeadAgencyOn,
                                   @Schema(description = "The re-announcement requirement it cleared, if any") UUID clearedRequirementId,
                                   @Schema(description = "Steps recorded as having happened outside the system") List<OutsideStep> stepsOutsideSystem,
                                   @Schema(description = "Posting at the office and on the portal") List<PostingView> postings,
                                   String announcedBy, OffsetDateTime createdAt) {

        static AnnouncementView of(QmsAnnouncement a, List<QmsStep> outside, List<AnnouncementPosting> postings) {
            return new AnnouncementView(a.id, a.agencyId, a.decisionNumber, a.decisionDate, a.standardEdition, a.scope,
                    a.notifiedLeadAgencyOn, a.clearedRequirementId,
                    outside.stream().map(s -> new OutsideStep(s.step, s.heldOn, s.reference)).toList(),
                    postings.stream().map(PostingView::of).toList(), a.announcedBy, a.createdAt);
        }
    }

    @Schema(name = "HandledProcedures", description = "The TTHCs the agency handles, as the province publishes them", example = """
            {"procedureIds": ["e2b7c9d1-4f6a-4b8e-9c3d-1a5f7e2b8d60", "9d3a6c2e-7b1f-4e8a-a5c4-3f0d2b6e1a97"], "since": "2026-01-01"}""")
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
