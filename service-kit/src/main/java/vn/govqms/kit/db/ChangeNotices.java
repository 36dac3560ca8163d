package vn.govqms.kit.db;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Tells this instance's in-memory caches that rows changed, whichever instance, consumer or script changed them:
 * triggers {@code NOTIFY} a channel in the writer's transaction, PostgreSQL delivers it at commit to every instance
 * listening, on one LISTEN connection per service. What a cache holds is worth trusting only while that connection
 * is up: notices sent while it is down are lost, so a cache reads the database meanwhile and forgets everything when
 * it is back. {@link NoticedCache} does all that.
 */
@ApplicationScoped
public class ChangeNotices {

    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;

    public ChangeNotices(Vertx vertx,
                         @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                         @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                         @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url);
        user.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
    }

    /**
     * Listens on {@code channel}: {@code changed} gets each notice's payload, {@code forgetAll} runs each time listening
     * starts (again, after a gap: notices may have been missed). Both run on the listening connection's event loop.
     * Answers whether the channel is being listened to now.
     */
    public synchronized BooleanSupplier listen(String channel, Consumer<String> changed, Runnable forgetAll) {
        if (subscriber == null) {
            subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(attempt -> 1000L);
            connect(subscriber);
        }
        PgSubscriber listening = subscriber;
        // the connection the channel was last subscribed on: after a reconnection the subscriber has another one, and
        // what was kept is not trusted until the channel is subscribed again (and the cache has forgotten it all)
        AtomicReference<PgConnection> subscribedOn = new AtomicReference<>();
        listening.channel(channel)
                .subscribeHandler(() -> {
                    forgetAll.run();
                    subscribedOn.set(listening.getDelegate().actualConnection());
                })
                .endHandler(() -> {
                    subscribedOn.set(null);
                    forgetAll.run();
                })
                .handler(changed);
        return () -> {
            PgConnection on = subscribedOn.get();
            return on != null && on == listening.getDelegate().actualConnection();
        };
    }

    /** The subscriber reconnects a lost connection by itself, but not a first one that failed. */
    private void connect(PgSubscriber s) {
        s.connect().subscribe().with(ok -> Log.debugf("listening for change notices"), failure -> {
            Log.warnf("cannot LISTEN for change notices yet (%s): caches read the database until it can", failure.getMessage());
            if (!s.closed()) {
                vertx.setTimer(1000, id -> connect(s));
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        PgSubscriber s;
        synchronized (this) {
            s = subscriber;
        }
        if (s != null) {
            s.closeAndForget();
        }
    }
}
