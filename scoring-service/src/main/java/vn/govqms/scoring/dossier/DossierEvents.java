package vn.govqms.scoring.dossier;

import vn.govqms.kit.events.EventTypes;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ingress contract of {@code onestop.dossier-events.<province code>}: one topic per province's one-stop-shop system,
 * which only that system's Kafka user may write, so the topic names the producer. CloudEvents in Kafka binary mode of type
 * {@code vn.govqms.onestop.dossier-status.v1}, key = the agency's code or id, data = one item as
 * {@link DossierDtos.DossierEventItem} (the same JSON as an item of {@code POST /api/v1/dossier-events}), and
 * {@code ce_source} = {@code /onestop/<province code>}, the topic's code (informational; one that disagrees is refused).
 * A system reports on its province's agencies only (as the REST path's token does).
 */
public final class DossierEvents {

    /** A province's topic is this prefix and its two-digit code (the channel subscribes by pattern). */
    public static final String TOPIC_PREFIX = "onestop.dossier-events.";
    public static final String TYPE = EventTypes.of("onestop", "dossier-status");
    public static final String SOURCE_PREFIX = "/onestop/";

    private static final Pattern TOPIC = Pattern.compile(Pattern.quote(TOPIC_PREFIX) + "([0-9]{2})");
    private static final Pattern SOURCE = Pattern.compile(Pattern.quote(SOURCE_PREFIX) + "([0-9A-Za-z]+)");

    private DossierEvents() {
    }

    /** The producing system's province: the code of the record's topic, or null for a topic of no province. */
    static String provinceOfTopic(String topic) {
        Matcher m = topic == null ? null : TOPIC.matcher(topic);
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** The province {@code ce_source} names, or null when it names none. */
    static String provinceOfSource(String source) {
        Matcher m = source == null ? null : SOURCE.matcher(source);
        return m != null && m.matches() ? m.group(1) : null;
    }
}
