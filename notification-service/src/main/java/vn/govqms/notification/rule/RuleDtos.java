package vn.govqms.notification.rule;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.notification.contact.ContactRole;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

public final class RuleDtos {

    private RuleDtos() {
    }

    @Schema(name = "RuleInput", example = """
            {"eventType": "vn.govqms.document.procedure-review.required.v1", "recipientKind": "AGENCY_ROLE", "recipientRole": "ISO_OFFICER", "channels": ["INBOX", "EMAIL"], "urgency": "HIGH", "enabled": true}""")
    public record RuleInput(
            @Schema(example = "vn.govqms.audit.finding.raised.v1") @NotBlank @Size(max = 200) String eventType,
            @Schema(example = "AGENCY_ROLE") @NotNull RecipientKind recipientKind,
            @Schema(description = "For AGENCY_ROLE", example = "HEAD") ContactRole recipientRole,
            @Schema(description = "For CONTACT") UUID contactId,
            @Schema(example = "[\"INBOX\",\"EMAIL\"]") @NotEmpty @Size(max = 2) List<@NotNull RuleChannel> channels,
            @Schema(example = "HIGH") @NotNull Urgency urgency,
            @Schema(description = "false: nobody is told of this type through this rule", example = "true") Boolean enabled) {
    }

    @Schema(name = "Rule")
    public record RuleView(
            UUID id,
            @Schema(description = "null for a default rule", example = "24") String provinceCode,
            @Schema(example = "vn.govqms.audit.finding.raised.v1") String eventType,
            RecipientKind recipientKind,
            ContactRole recipientRole,
            UUID contactId,
            List<RuleChannel> channels,
            Urgency urgency,
            boolean enabled,
            @Schema(description = "Applies in the caller's province (a default is replaced when the province has rules of its own for the type)")
            boolean inForce,
            long version,
            OffsetDateTime updatedAt) {

        public static RuleView of(NotificationRule r, boolean inForce) {
            return new RuleView(r.id, r.provinceCode, r.eventType, r.recipientKind, r.recipientRole, r.contactId,
                    Arrays.stream(r.channels).map(RuleChannel::valueOf).toList(), r.urgency, r.enabled, inForce, r.version, r.updatedAt);
        }
    }
}
