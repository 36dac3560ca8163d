package vn.govqms.notification.webhook;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.kit.problem.ProblemException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a webhook's target when it is saved and again before every delivery: https only (http where configured), an allowed
 * port, no user or password, and a host that is, or resolves only to, public addresses ({@link Addresses}) unless configuration
 * names the host as a permitted internal one. A delivery connects to the address checked here ({@link #pin}): the HTTP client
 * never resolves the name a second time, so a name that changes its answer between the check and the connection (DNS
 * rebinding) reaches nothing inside.
 */
@ApplicationScoped
public class TargetCheck {

    /** Where a delivery goes: the URL as saved (Host header, TLS name) and the checked address it connects to. */
    public record Pinned(URI uri, InetAddress address, int port) {
    }

    /** A target refused before anything was sent, with the reason the delivery log shows. */
    public static final class Refused extends RuntimeException {

        private final FailureReason reason;

        Refused(FailureReason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }

        public FailureReason reason() {
            return reason;
        }
    }

    private final WebhookConfig config;
    private final HostResolver resolver;
    private final Set<String> internalHosts;
    private final List<int[]> ports = new ArrayList<>();

    public TargetCheck(WebhookConfig config, HostResolver resolver) {
        this.config = config;
        this.resolver = resolver;
        this.internalHosts = config.internalHosts().orElse(List.of()).stream().map(TargetCheck::normalise).collect(Collectors.toSet());
        for (String p : config.allowedPorts()) {
            String[] range = p.trim().split("-", 2);
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                if (from < 1 || to > 65535 || to < from) {
                    throw new NumberFormatException();
                }
                ports.add(new int[] {from, to});
            } catch (NumberFormatException e) {
                throw new IllegalStateException("govqms.webhooks.allowed-ports: '" + p + "' is neither a port nor a range such as 1024-65535");
            }
        }
    }

    /** At save time: the URL to store, or 400 (scheme, port, form) / 422 {@code webhook-target-refused} (address, name). */
    public Uni<URI> check(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && config.allowHttp())) {
            throw ProblemException.invalidField("url", config.allowHttp() ? "http:// or https:// only" : "https:// only");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ProblemException.invalidField("url", "no host");
        }
        if (uri.getUserInfo() != null) {
            throw ProblemException.invalidField("url", "no user or password in the address; the signature authenticates us");
        }
        if (!portAllowed(port(uri))) {
            throw ProblemException.invalidField("url", "port " + port(uri) + " is not allowed for webhooks (allowed: "
                    + String.join(",", config.allowedPorts()) + ")");
        }
        return addresses(uri).map(x -> uri).onFailure(Refused.class).transform(f -> {
            Refused r = (Refused) f;
            // the detail names no address: which addresses a name has inside this network is not the caller's to learn
            return ProblemException.unprocessable("webhook-target-refused", "Webhook target refused",
                    "Webhooks are not delivered to " + uri.getHost() + ": " + r.reason().text() + ".", Map.of("field", "url"));
        });
    }

    /**
     * Before a delivery: the URL checked again (configuration may have changed since it was saved) and resolved once; the
     * address to connect to, or a {@link Refused} failure.
     */
    public Uni<Pinned> pin(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Uni.createFrom().failure(new Refused(FailureReason.BLOCKED_TARGET, "not a valid URL"));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getUserInfo() != null || !portAllowed(port(uri))
                || !(scheme.equals("https") || scheme.equals("http") && config.allowHttp())) {
            return Uni.createFrom().failure(new Refused(FailureReason.BLOCKED_TARGET, "scheme, port or form not allowed: " + url));
        }
        return addresses(uri).map(all -> new Pinned(uri, all.get(0), port(uri)));
    }

    /** The host's addresses, each allowed; a literal address is read, not resolved. */
    private Uni<List<InetAddress>> addresses(URI uri) {
        String host = normalise(uri.getHost());
        boolean internalAllowed = internalHosts.contains(host);
        Optional<InetAddress> literal = Addresses.literal(host);
        Uni<List<InetAddress>> resolved = literal.isPresent() ? Uni.createFrom().item(List.of(literal.get()))
                : resolver.resolve(host).onFailure().transform(f -> new Refused(FailureReason.DNS, host + ": " + f));
        return resolved.map(all -> {
            if (all.isEmpty()) {
                throw new Refused(FailureReason.DNS, host + ": no address");
            }
            if (!internalAllowed) {
                // every answer must be public: a name that mixes public and internal answers is refused as a whole
                for (InetAddress a : all) {
                    Optional<String> why = Addresses.blocked(a);
                    if (why.isPresent()) {
                        Log.infof("webhook target %s refused: %s resolves to %s", uri, host, why.get());
                        throw new Refused(FailureReason.BLOCKED_ADDRESS, host + " resolves to " + why.get());
                    }
                }
            }
            return all;
        });
    }

    private boolean portAllowed(int port) {
        for (int[] r : ports) {
            if (port >= r[0] && port <= r[1]) {
                return true;
            }
        }
        return false;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }

    private static String normalise(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
