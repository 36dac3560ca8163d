package vn.govqms.kit.calendar;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How long an administrative procedure may take by law: a number of working days, of working hours, or "trong ngày"
 * (done the day it is received). {@link #wholeDays()} is the same time in whole working days, for readers that only
 * know days.
 */
public record ProcessingTime(Unit unit, int amount) {

    /** Longest time a procedure may be given: a year of working days, or its hours. */
    public static final int MAX_DAYS = 365;

    @Schema(name = "ProcessingTimeUnit", description = "WORKING_DAYS (ngày làm việc), WORKING_HOURS (giờ làm việc), WITHIN_DAY (trong ngày)")
    public enum Unit {
        WORKING_DAYS("ngày làm việc"),
        WORKING_HOURS("giờ làm việc"),
        WITHIN_DAY("trong ngày");

        private final String label;

        Unit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A working day counts eight working hours (Labour Code 2019, Art. 105). */
    public static final int HOURS_PER_DAY = 8;

    public ProcessingTime {
        if (unit == null) {
            throw new IllegalArgumentException("a processing time has a unit");
        }
        switch (unit) {
            case WITHIN_DAY -> {
                if (amount != 0 && amount != 1) {
                    throw new IllegalArgumentException("\"trong ngày\" has no amount (0 or 1)");
                }
                amount = 0;
            }
            case WORKING_DAYS -> {
                if (amount < 1 || amount > MAX_DAYS) {
                    throw new IllegalArgumentException("working days between 1 and " + MAX_DAYS);
                }
            }
            case WORKING_HOURS -> {
                if (amount < 1 || amount > MAX_DAYS * HOURS_PER_DAY) {
                    throw new IllegalArgumentException("working hours between 1 and " + MAX_DAYS * HOURS_PER_DAY);
                }
            }
        }
    }

    public static ProcessingTime days(int n) {
        return new ProcessingTime(Unit.WORKING_DAYS, n);
    }

    public static ProcessingTime hours(int n) {
        return new ProcessingTime(Unit.WORKING_HOURS, n);
    }

    public static ProcessingTime withinDay() {
        return new ProcessingTime(Unit.WITHIN_DAY, 0);
    }

    /** The working days the time spans, at least one: what {@code processingDays} reports. */
    public int wholeDays() {
        return switch (unit) {
            case WORKING_DAYS -> amount;
            case WORKING_HOURS -> (amount + HOURS_PER_DAY - 1) / HOURS_PER_DAY;
            case WITHIN_DAY -> 1;
        };
    }

    /** As officials write it: "15 ngày làm việc", "4 giờ làm việc", "Trong ngày". */
    public String label() {
        return unit == Unit.WITHIN_DAY ? "Trong ngày" : amount + " " + unit.label();
    }
}
