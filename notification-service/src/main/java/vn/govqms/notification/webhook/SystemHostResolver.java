package vn.govqms.notification.webhook;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The machine's resolver (hosts file, then DNS, with the JVM's cache), off the event loop. Literal addresses never come here
 * ({@link TargetCheck} reads them itself).
 */
@DefaultBean
@ApplicationScoped
public class SystemHostResolver implements HostResolver {

    private final Vertx vertx;

    public SystemHostResolver(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Uni<List<InetAddress>> resolve(String name) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return List.of(InetAddress.getAllByName(name));
            } catch (UnknownHostException e) {
                throw new UncheckedIOException(e);
            }
        }), false);
    }
}
