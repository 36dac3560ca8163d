package vn.govqms.scoring.assessment;

import vn.govqms.kit.events.EventTypes;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.scoring.support.Topics;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** {@code assessment.submitted} and {@code assessment.published} on {@code scoring.events}, keyed by agency id. */
public final class AssessmentEvents {

    public static final String SUBMITTED = EventTypes.of("scoring", "assessment.submitted");
    public static final String PUBLISHED = EventTypes.of("scoring", "assessment.published");

    private AssessmentEvents() {
    }

    public record SubmittedData(UUID assessmentId, UUID agencyId, String provinceCode, int year, AssessmentKind kind, UUID criteriaSetId,
                                BigDecimal totalPoints) {
    }

    public record PublishedData(UUID assessmentId, UUID agencyId, String provinceCode, int year, AssessmentKind kind, UUID criteriaSetId,
                                BigDecimal totalPoints, String band, String bandLabel) {
    }

    static OutgoingEvent submitted(Assessment a, OffsetDateTime now) {
        return OutgoingEvent.of(Topics.SCORING, a.agencyId.toString(), SUBMITTED, "assessments/" + a.id, now,
                new SubmittedData(a.id, a.agencyId, a.provinceCode, a.year, a.kind, a.criteriaSetId, a.totalPoints));
    }

    static OutgoingEvent published(Assessment a, OffsetDateTime now) {
        return OutgoingEvent.of(Topics.SCORING, a.agencyId.toString(), PUBLISHED, "assessments/" + a.id, now,
                new PublishedData(a.id, a.agencyId, a.provinceCode, a.year, a.kind, a.criteriaSetId, a.totalPoints, a.band, a.bandLabel));
    }
}
