package vn.govqms.scoring.dossier;

import vn.govqms.kit.events.EventTypes;

/**
 * The ingress contract of {@code onestop.dossier-events}: CloudEvents in Kafka binary mode of type
 * {@code vn.govqms.onestop.dossier-status.v1}, key = the agency's code or id, data = one item as
 * {@link DossierDtos.DossierEventItem} (the same JSON as an item of {@code POST /api/v1/dossier-events}).
 */
public final class DossierEvents {

    public static final String TOPIC = "onestop.dossier-events";
    public static final String TYPE = EventTypes.of("onestop", "dossier-status");

    private DossierEvents() {
    }
}
