package vn.govqms.scoring.dossier;

import vn.govqms.kit.events.EventTypes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingress contract of {@code onestop.dossier-events}: CloudEvents in Kafka binary mode of type
 * {@code vn.govqms.onestop.dossier-status.v1}, key = the agency's code or id, data = one item as
 * {@link DossierDtos.DossierEventItem} (the same JSON as an item of {@code POST /api/v1/dossier-events}), and
 * {@code ce_source} = {@code /onestop/<province code>}: the producing system, a province's one-stop-shop, which reports on
 * its province's agencies only (as the REST path's token does).
 */
public final class DossierEvents {

    public static final String TOPIC = "onestop.dossier-events";
    public static final String TYPE = EventTypes.of("onestop", "dossier-status");
    public static final String SOURCE_PREFIX = "/onestop/";

    private static final Pattern SOURCE = Pattern.compile(Pattern.quote(SOURCE_PREFIX) + "([0-9A-Za-z]+)");

    private DossierEvents() {
    }

    /** The producing system's province named by {@code ce_source}, or null when it names none. */
    static String province(String source) {
        Matcher m = source == null ? null : SOURCE.matcher(source);
        return m != null && m.matches() ? m.group(1) : null;
    }
}
