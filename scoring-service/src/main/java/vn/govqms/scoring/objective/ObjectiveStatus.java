package vn.govqms.scoring.objective;

import vn.govqms.scoring.criteria.Comparison;

import java.math.BigDecimal;

/** Where a quality objective stands against its KPI. */
public enum ObjectiveStatus {
    ON_TRACK("Đang đạt"),
    AT_RISK("Có nguy cơ không đạt"),
    MISSED("Không đạt");

    private final String label;

    ObjectiveStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Met (or nothing measured yet) during the year: on track; not met during the year: at risk; not
     * met (or never measured) once the year is over: missed.
     */
    public static ObjectiveStatus of(BigDecimal actual, Comparison comparison, BigDecimal target, boolean yearOver) {
        if (actual == null) {
            return yearOver ? MISSED : ON_TRACK;
        }
        if (comparison.holds(actual, target)) {
            return ON_TRACK;
        }
        return yearOver ? MISSED : AT_RISK;
    }
}
