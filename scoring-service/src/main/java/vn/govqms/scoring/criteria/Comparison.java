package vn.govqms.scoring.criteria;

import java.math.BigDecimal;

/** A condition on a value: at least or at most a threshold (both inclusive). */
public enum Comparison {
    AT_LEAST,
    AT_MOST;

    public boolean holds(BigDecimal value, BigDecimal threshold) {
        int c = value.compareTo(threshold);
        return this == AT_LEAST ? c >= 0 : c <= 0;
    }
}
