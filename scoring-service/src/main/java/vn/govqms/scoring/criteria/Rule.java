package vn.govqms.scoring.criteria;

/** How an automatic criterion turns its indicator into points. */
public enum Rule {
    /** All the points when the condition ({@code comparison} against {@code threshold}) holds, none otherwise. */
    ALL_OR_NOTHING,
    /** Points in proportion to the indicator over {@code target} (full points at or above it). */
    PROPORTIONAL,
    /** The maximum less {@code pointsPerItem} for each counted item, never below zero. */
    DEDUCTION_PER_ITEM
}
