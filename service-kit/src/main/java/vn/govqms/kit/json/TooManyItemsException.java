package vn.govqms.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** An array in a request body longer than its field's {@code @Size(max)}: refused while it is read. */
public final class TooManyItemsException extends MismatchedInputException {

    private final int max;

    TooManyItemsException(JsonParser parser, int max) {
        super(parser, "at most " + max + " items", (JavaType) null);
        this.max = max;
    }

    public int max() {
        return max;
    }
}
