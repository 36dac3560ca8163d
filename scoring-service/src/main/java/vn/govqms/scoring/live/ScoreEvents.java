package vn.govqms.scoring.live;

import vn.govqms.kit.events.EventTypes;

import java.math.BigDecimal;
import java.util.UUID;

/** {@code score.changed} on {@code scoring.events}, keyed by agency id: the live score moved to another band. */
public final class ScoreEvents {

    public static final String SCORE_CHANGED = EventTypes.of("scoring", "score.changed");

    private ScoreEvents() {
    }

    public record ScoreChanged(UUID agencyId, String provinceCode, int year, BigDecimal previousScore, BigDecimal score,
                               String previousBand, String band, String bandLabel, String cause) {
    }
}
