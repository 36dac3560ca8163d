package vn.govqms.document.agency;

/** The edition of the standard a QMS conforms to. */
public enum StandardEdition {
    ISO_9001_2008("TCVN ISO 9001:2008"),
    ISO_9001_2015("TCVN ISO 9001:2015");

    private final String label;

    StandardEdition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
