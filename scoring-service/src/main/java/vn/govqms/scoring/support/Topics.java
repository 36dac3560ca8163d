package vn.govqms.scoring.support;

/** The topic this service publishes on. */
public final class Topics {

    public static final String SCORING = "scoring.events";

    private Topics() {
    }
}
