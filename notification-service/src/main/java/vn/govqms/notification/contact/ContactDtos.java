package vn.govqms.notification.contact;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

public final class ContactDtos {

    private ContactDtos() {
    }

    @Schema(name = "ContactInput", description = "A person of an agency (agencyId) or of a province's steering committee (provinceCode, no agencyId)", example = """
            {"agencyId": "3f1c2a7e-5b8d-4e21-9a6f-0c4d2e8b7a15", "provinceCode": "37", "subject": "tran.thi.hoa", "name": "Trần Thị Hoa", "email": "tthoa.stp@ninhbinh.gov.vn",
             "language": "vi", "roles": ["ISO_OFFICER"], "digest": true, "isoOfficerSince": "2025-07-01"}""")
    public record ContactInput(
            @Schema(description = "The agency; absent for a member of the province's steering committee") UUID agencyId,
            @Schema(description = "Only for a steering-committee member: the province", example = "24")
            @Pattern(regexp = "\\d{2}", message = "two digits") String provinceCode,
            @Schema(description = "The person's token subject", example = "nguyen.van.an") @NotBlank @Size(max = 200) String subject,
            @Schema(example = "Nguyễn Văn An") @NotBlank @Size(max = 200) String name,
            @Schema(example = "an.nv@sotuphap.bacgiang.gov.vn") @Email @Size(max = 320) String email,
            @Schema(description = "vi (default) or en", example = "vi") Language language,
            @Schema(description = "Roles in the agency (none for a steering-committee member)", example = "[\"ISO_OFFICER\"]")
            @Size(max = 4) List<@NotNull ContactRole> roles,
            @Schema(description = "Low-urgency e-mails are collected into one daily digest", example = "false") Boolean digest,
            @Schema(description = "With the role ISO_OFFICER: the day the person became the agency's ISO officer (not after today). "
                    + "Default: today when the role is given, unchanged while the role stays", example = "2025-09-15")
            LocalDate isoOfficerSince) {
    }

    @Schema(name = "Contact")
    public record ContactView(
            UUID id,
            UUID agencyId,
            @Schema(example = "24") String provinceCode,
            @Schema(description = "true for a member of the province's steering committee (Ban chỉ đạo ISO tỉnh)") boolean steeringCommittee,
            @Schema(example = "nguyen.van.an") String subject,
            @Schema(example = "Nguyễn Văn An") String name,
            @Schema(example = "an.nv@sotuphap.bacgiang.gov.vn") String email,
            @Schema(example = "vi") String language,
            List<ContactRole> roles,
            @Schema(example = "[\"Cán bộ ISO\"]") List<String> roleLabels,
            boolean digest,
            @Schema(description = "The day the person became the agency's ISO officer (only with the role ISO_OFFICER)", example = "2025-09-15")
            LocalDate isoOfficerSince,
            long version,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        public static ContactView of(Contact c) {
            List<ContactRole> roles = Arrays.stream(c.roles).map(ContactRole::valueOf).toList();
            return new ContactView(c.id, c.agencyId, c.provinceCode, c.steeringCommittee(), c.subject, c.name, c.email, c.language,
                    roles, roles.stream().map(r -> r.label(c.language)).toList(), c.digest, c.isoOfficerSince, c.version, c.createdAt, c.updatedAt);
        }
    }

    @Schema(name = "Preferences", description = "Channels the caller does not want (escalations are sent whatever is muted)", example = """
            {"mutedChannels": ["EMAIL"]}""")
    public record Preferences(@Schema(example = "[\"EMAIL\"]") @NotNull @Size(max = 2) List<@NotNull MutableChannel> mutedChannels) {
    }

    /** The channels a person may mute for themselves. */
    public enum MutableChannel {
        INBOX, EMAIL
    }
}
