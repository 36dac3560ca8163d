package vn.govqms.scoring.dossier;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A validated dossier status event, its agency resolved. */
record DossierItem(String dossierCode, String status, OffsetDateTime occurredAt, UUID agencyId, String tthcCode, String channel,
                   OffsetDateTime receivedAt, OffsetDateTime dueAt, OffsetDateTime resolvedAt, OffsetDateTime apologyNewDueAt) {
}
