package vn.govqms.kit.events;

/**
 * Event type names: {@code vn.govqms.<service>.<fact>.v<version>}, facts in the past tense
 * ({@code vn.govqms.document.agency.registered.v1}).
 */
public final class EventTypes {

    public static final String PREFIX = "vn.govqms.";

    private EventTypes() {
    }

    public static String of(String service, String fact) {
        return of(service, fact, 1);
    }

    public static String of(String service, String fact, int version) {
        return PREFIX + service + "." + fact + ".v" + version;
    }

    /** The type without its version suffix: {@code vn.govqms.document.agency.registered}. */
    public static String unversioned(String type) {
        int i = type.lastIndexOf(".v");
        if (i > 0 && type.substring(i + 2).chars().allMatch(Character::isDigit) && i + 2 < type.length()) {
            return type.substring(0, i);
        }
        return type;
    }
}
