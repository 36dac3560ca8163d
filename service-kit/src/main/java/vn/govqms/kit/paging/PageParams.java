package vn.govqms.kit.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.govqms.kit.problem.ProblemException;

/**
 * {@code page} (from 0) and {@code size} (1..200) query parameters, read as text so that a wrong
 * value is a 400 problem rather than the 404 that JAX-RS gives a parameter it cannot convert.
 */
public class PageParams {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    @QueryParam("page")
    @Parameter(description = "Page number, from 0", example = "0")
    String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1 to 200 (default 20)", example = "20")
    String size;

    public PageRequest toRequest() {
        int p = parse("page", page, 0, 0, 1_000_000);
        int s = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new PageRequest(p, s);
    }

    private static int parse(String name, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw ProblemException.invalidField(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "must be a whole number");
        }
    }
}
