package vn.govqms.kit.db;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
            subscriber.connect().subscribe().with(ok -> Log.debugf("listening for change notices"),
                    failure -> Log.warnf("cannot LISTEN for change notices yet (%s): caches read the database until it can", failure.getMessage()));
        }
        PgSubscriber listening = subscriber;
        AtomicBoolean subscribed = new AtomicBoolean();
        listening.channel(channel)
                .subscribeHandler(() -> {
                    forgetAll.run();
                    subscribed.set(true);
                })
                .endHandler(() -> {
                    subscribed.set(false);
                    forgetAll.run();
                })
                .handler(changed);
        // the subscriber drops its connection (and reconnects) without telling the channels: ask it
        return () -> subscribed.get() && listening.getDelegate().actualConnection() != null;
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
