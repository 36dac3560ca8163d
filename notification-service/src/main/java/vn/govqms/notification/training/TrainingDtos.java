package vn.govqms.notification.training;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public final class TrainingDtos {

    private TrainingDtos() {
    }

    @Schema(name = "TrainingInput", description = "A training the contact attended", example = """
            {"title": "Tập huấn nghiệp vụ ISO 9001:2015 cho cán bộ ISO", "trainedOn": "2026-04-22", "certificateNumber": "126/2026/CN-TĐC", "certificateIssuer": "Trung tâm Năng suất Việt Nam"}""")
    public record TrainingInput(
            @Schema(description = "What the training was", example = "Đào tạo nhận thức và xây dựng HTQLCL theo TCVN ISO 9001:2015")
            @NotBlank @Size(max = 300) String title,
            @Schema(description = "When it ended (not after today)", example = "2025-10-24") @NotNull LocalDate trainedOn,
            @Schema(description = "The certificate's number, when one was given", example = "125/2025/GCN-TĐC") @Size(max = 100) String certificateNumber,
            @Schema(description = "Who issued the certificate (or held the training)", example = "Viện Năng suất Việt Nam")
            @Size(max = 300) String certificateIssuer) {
    }

    @Schema(name = "Training")
    public record TrainingView(
            UUID id,
            UUID contactId,
            @Schema(example = "Đào tạo nhận thức và xây dựng HTQLCL theo TCVN ISO 9001:2015") String title,
            @Schema(example = "2025-10-24") LocalDate trainedOn,
            @Schema(example = "125/2025/GCN-TĐC") String certificateNumber,
            @Schema(example = "Viện Năng suất Việt Nam") String certificateIssuer,
            @Schema(description = "Who recorded it (token subject)", example = "nguyen.van.an") String recordedBy,
            OffsetDateTime recordedAt) {

        static TrainingView of(ContactTraining t) {
            return new TrainingView(t.id, t.contactId, t.title, t.trainedOn, t.certificateNumber, t.certificateIssuer, t.recordedBy, t.recordedAt);
        }
    }

    @Schema(name = "TrainingStatus", description = "Whether a contact who is the agency's ISO officer has been trained in time")
    public record TrainingStatus(
            UUID contactId,
            @Schema(description = "Whether the contact is its agency's ISO officer") boolean isoOfficer,
            @Schema(description = "The day the contact became the ISO officer", example = "2025-09-15") LocalDate isoOfficerSince,
            @Schema(description = "The day by which a training must be recorded (isoOfficerSince + govqms.training.iso-officer-period)",
                    example = "2025-12-15") LocalDate trainingDueDate,
            @Schema(description = "Trainings recorded", example = "1") long trainings,
            @Schema(description = "At least one training recorded") boolean trained,
            @Schema(description = "The head and the steering committee were told this officer is untrained, and it is not cleared yet")
            boolean flagged,
            @Schema(description = "When they were told (the case's flag, also once cleared)") OffsetDateTime flaggedAt,
            @Schema(description = "When the flag was cleared") OffsetDateTime clearedAt) {
    }

    @Schema(name = "IsoOfficerTrainingFigures", description = "How many of a province's agencies have a trained ISO officer, today")
    public record ProvinceFigures(
            @Schema(example = "24") String provinceCode,
            @Schema(description = "The day counted", example = "2025-12-05") LocalDate asOf,
            @Schema(description = "Agencies of the province in force that day", example = "48") long agencies,
            @Schema(description = "Agencies with at least one contact in the role ISO_OFFICER", example = "45") long withIsoOfficer,
            @Schema(description = "Agencies whose every ISO officer has a training recorded (and at least one officer)", example = "30") long trained,
            @Schema(description = "Percent of the agencies: trained over agencies, 2 decimals, half up", example = "62.50") BigDecimal share,
            @Schema(description = "Agencies with an ISO officer still untrained after the period (flagged)", example = "6") long overdue,
            @Schema(example = "Tỷ lệ cơ quan có cán bộ ISO đã được đào tạo: 30/48 (62,50%)") String label) {

        static ProvinceFigures of(String provinceCode, LocalDate asOf, long agencies, long withIsoOfficer, long trained, long overdue) {
            BigDecimal share = share(trained, agencies);
            return new ProvinceFigures(provinceCode, asOf, agencies, withIsoOfficer, trained, share, overdue,
                    "Tỷ lệ cơ quan có cán bộ ISO đã được đào tạo: " + trained + "/" + agencies + " (" + share.toPlainString().replace('.', ',') + "%)");
        }

        /** Percent from the counts, 2 decimals, half up (as the scoring figures are); 0.00 of no agencies. */
        static BigDecimal share(long count, long total) {
            return total == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
        }
    }
}
