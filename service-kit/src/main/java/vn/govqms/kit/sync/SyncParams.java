package vn.govqms.kit.sync;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.govqms.kit.problem.ProblemException;

/** {@code since} (the token of the previous sync, none for the first) and {@code size} (1..500, default 100). */
public class SyncParams {

    public static final int MAX_SIZE = 500;
    public static final int DEFAULT_SIZE = 100;

    @QueryParam("since")
    @Parameter(description = "The next token of the previous sync answer; none for a first sync (everything, no tombstones)",
            example = "MXwxNzY0ODQ2MDAwfDEyMzQ1Nnw1YjdkMGMxZQ")
    String since;

    @QueryParam("size")
    @Parameter(description = "Changes per answer, 1 to 500 (default 100)", example = "100")
    String size;

    public SyncToken token() {
        return SyncToken.decode(since);
    }

    public int limit() {
        if (size == null || size.isBlank()) {
            return DEFAULT_SIZE;
        }
        try {
            int s = Integer.parseInt(size.trim());
            if (s < 1 || s > MAX_SIZE) {
                throw ProblemException.invalidField("size", "must be between 1 and " + MAX_SIZE);
            }
            return s;
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("size", "must be a whole number");
        }
    }
}
