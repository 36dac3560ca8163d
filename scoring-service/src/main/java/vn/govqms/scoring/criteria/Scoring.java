package vn.govqms.scoring.criteria;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.scoring.indicator.IndicatorCode;
import vn.govqms.scoring.indicator.Indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies a criteria set: automatic criteria from indicators, manual ones from the points given. */
public final class Scoring {

    private Scoring() {
    }

    @Schema(name = "CriterionScore")
    public record CriterionScore(
            @Schema(example = "2.1") String code,
            Method method,
            @Schema(example = "20") BigDecimal maxPoints,
            @Schema(example = "15") BigDecimal points,
            @Schema(example = "PROCEDURE_REVIEWS_OVERDUE") IndicatorCode indicator,
            @Schema(description = "The indicator's value used", example = "1") BigDecimal value) {
    }

    public record Scored(BigDecimal total, Definition.Band band, List<CriterionScore> criteria) {
    }

    /** The points of every criterion and the total; a manual criterion without points counts 0. */
    public static Scored apply(Definition definition, Indicators indicators, Map<String, BigDecimal> manualPoints) {
        List<CriterionScore> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Definition.Criterion c : definition.criteria().toList()) {
            BigDecimal points;
            BigDecimal value = null;
            if (c.method() == Method.AUTOMATIC) {
                value = indicators.get(c.indicator());
                points = c.automaticPoints(value);
            } else {
                BigDecimal given = manualPoints.get(c.code());
                points = given == null ? BigDecimal.ZERO.setScale(2) : given.min(c.maxPoints()).setScale(2, RoundingMode.HALF_UP);
            }
            total = total.add(points);
            out.add(new CriterionScore(c.code(), c.method(), c.maxPoints(), points, c.indicator(), value));
        }
        total = total.setScale(2, RoundingMode.HALF_UP);
        return new Scored(total, definition.classify(total), out);
    }
}
