package vn.govqms.notification.webhook;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the secrets at rest as configuration says: at start, every subscription whose secrets are in plain text (stored before
 * they were encrypted) or sealed with a key that is no longer the first is sealed with the current key, in one statement;
 * every {@code secret-cleanup-every}, the previous secrets whose overlap ended are erased.
 */
@ApplicationScoped
public class SecretKeeping {

    /** Seals again, unless another instance did meanwhile (the key id it read is no longer there). */
    static final String RESEAL = """
            update webhook_subscription w set secret = r.secret, previous_secret = r.previous_secret, secret_key_id = $4
            from unnest($1::uuid[], $2::text[], $3::text[], $5::text[]) as r(id, secret, previous_secret, old_key_id)
            where w.id = r.id and w.secret_key_id is not distinct from r.old_key_id""";

    @Inject Pool pool;
    @Inject SecretBox box;
    @Inject Clock clock;

    void onStart(@Observes StartupEvent e) {
        reseal().subscribe().with(n -> {
            if (n > 0) {
                Log.infof("webhook secrets of %d subscriptions sealed with key %s", n, box.currentKeyId());
            }
        }, f -> Log.errorf("webhook secrets not sealed with the current key: %s", f.getMessage()));
    }

    /** Seals with the current key what is plain or sealed with another; the number of subscriptions sealed. */
    public Uni<Integer> reseal() {
        return pool.preparedQuery("select id, secret, previous_secret, secret_key_id from webhook_subscription "
                        + "where secret_key_id is distinct from $1").execute(Tuple.of(box.currentKeyId()))
                .chain(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    List<String> secrets = new ArrayList<>();
                    List<String> previous = new ArrayList<>();
                    List<String> oldKeys = new ArrayList<>();
                    for (Row r : rows) {
                        UUID id = r.getUUID("id");
                        String keyId = r.getString("secret_key_id");
                        try {
                            String plain = box.open(id, keyId, r.getString("secret"));
                            String old = box.open(id, keyId, r.getString("previous_secret"));
                            ids.add(id);
                            secrets.add(box.seal(id, plain));
                            previous.add(old == null ? null : box.seal(id, old));
                            oldKeys.add(keyId);
                        } catch (IllegalStateException unreadable) {
                            // its key was taken out of the configuration too early: its deliveries fail until the key is back
                            Log.error(unreadable.getMessage());
                        }
                    }
                    if (ids.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return pool.preparedQuery(RESEAL).execute(Tuple.of(ids.toArray(UUID[]::new), secrets.toArray(String[]::new),
                            previous.toArray(String[]::new), box.currentKeyId(), oldKeys.toArray(String[]::new))).map(r -> r.rowCount());
                });
    }

    @Scheduled(every = "${govqms.webhooks.secret-cleanup-every}", delay = 5, delayUnit = TimeUnit.SECONDS)
    Uni<Void> dropEndedOverlaps() {
        return pool.preparedQuery("update webhook_subscription set previous_secret = null, previous_secret_expires_at = null "
                        + "where previous_secret_expires_at <= $1").execute(Tuple.of(OffsetDateTime.now(clock)))
                .invoke(r -> {
                    if (r.rowCount() > 0) {
                        Log.infof("previous webhook secrets of %d subscriptions erased: their overlap ended", r.rowCount());
                    }
                }).replaceWithVoid();
    }
}
