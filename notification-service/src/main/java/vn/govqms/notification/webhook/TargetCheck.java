package vn.govqms.notification.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.problem.ProblemException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Checks a webhook's target: https only and no loopback, private, link-local or multicast address (an outside system must
 * not make this service call into its own network), unless configuration allows them (tests and the local run).
 */
@ApplicationScoped
public class TargetCheck {

    private final WebhookConfig config;
    private final Vertx vertx;

    public TargetCheck(WebhookConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<URI> check(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttp())) {
            throw ProblemException.invalidField("url", config.allowHttp() ? "http:// or https:// only" : "https:// only");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalidField("url", "no host");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.invalidField("url", "no user or password in the address; the signature authenticates us");
        }
        if (config.allowLoopback()) {
            return Uni.createFrom().item(uri);
        }
        String host = uri.getHost();
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw refused(host, "the name does not resolve");
            }
        })).map(addresses -> {
            for (InetAddress a : addresses) {
                if (internal(a)) {
                    throw refused(host, "it resolves to an internal address (" + a.getHostAddress() + ")");
                }
            }
            return uri;
        });
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        // 100.64.0.0/10 (carrier-grade NAT) and 0.0.0.0/8
        return (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64 || b[0] == 0;
    }

    private static ProblemException refused(String host, String why) {
        return ProblemException.unprocessable("webhook-target-refused", "Webhook target refused",
                "Webhooks are not delivered to " + host + ": " + why + ".", Map.of("field", "url"));
    }
}
