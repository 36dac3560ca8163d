package vn.govqms.scoring.objective;

import vn.govqms.kit.events.EventTypes;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code objective.at-risk} and {@code objective.missed} on {@code scoring.events}, keyed by agency id. */
public final class ObjectiveEvents {

    public static final String AT_RISK = EventTypes.of("scoring", "objective.at-risk");
    public static final String MISSED = EventTypes.of("scoring", "objective.missed");

    private ObjectiveEvents() {
    }

    public record ObjectiveData(UUID objectiveId, UUID agencyId, int year, String title, String kpi, String comparison,
                                BigDecimal target, BigDecimal actual) {
    }
}
