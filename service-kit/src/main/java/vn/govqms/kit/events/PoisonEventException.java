package vn.govqms.kit.events;

/** An event that can never be applied: it goes to the dead-letter topic instead of being retried. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
