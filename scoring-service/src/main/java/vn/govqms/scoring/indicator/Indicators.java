package vn.govqms.scoring.indicator;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

/** The indicator values of one agency in one year (null: nothing measured yet). */
public record Indicators(UUID agencyId, int year, Map<IndicatorCode, BigDecimal> values) {

    public BigDecimal get(IndicatorCode code) {
        return values.get(code);
    }

    public static Indicators empty(UUID agencyId, int year) {
        return new Indicators(agencyId, year, new EnumMap<>(IndicatorCode.class));
    }
}
