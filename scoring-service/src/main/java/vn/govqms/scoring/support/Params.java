package vn.govqms.scoring.support;

import vn.govqms.kit.problem.ProblemException;

/** Query parameters of this service that the kit's QueryParams does not read. */
public final class Params {

    private Params() {
    }

    /** A year 2000..2100, or null when absent. */
    public static Integer year(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int y = Integer.parseInt(value.trim());
            if (y < 2000 || y > 2100) {
                throw ProblemException.invalidField(name, "between 2000 and 2100");
            }
            return y;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "a year such as 2026");
        }
    }

    public static int integer(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw ProblemException.invalidField(name, "between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "a whole number");
        }
    }
}
