package vn.govqms.notification;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import vn.govqms.notification.webhook.HostResolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' name server: answers what a test told it, and for the receivers' names of other tests (under {@code .vn}) a
 * public documentation address (203.0.113.7, never routed); any other name does not resolve. It replaces the machine's resolver
 * in the service under test, so a test can make a name answer a public address when a subscription is saved and a loopback one
 * when it is delivered.
 */
@ApplicationScoped
public class FixedAnswers implements HostResolver {

    static final String PUBLIC = "203.0.113.7";
    private static final Map<String, List<String>> ANSWERS = new ConcurrentHashMap<>();

    /** From now on {@code name} answers these addresses. */
    public static void answer(String name, String... addresses) {
        ANSWERS.put(name, List.of(addresses));
    }

    /** From now on {@code name} does not resolve. */
    public static void forget(String name) {
        ANSWERS.put(name, List.of());
    }

    @Override
    public Uni<List<InetAddress>> resolve(String name) {
        List<String> answer = ANSWERS.getOrDefault(name, name.endsWith(".vn") ? List.of(PUBLIC) : List.of());
        if (answer.isEmpty()) {
            return Uni.createFrom().failure(new UnknownHostException(name));
        }
        return Uni.createFrom().item(() -> answer.stream().map(a -> {
            try {
                return InetAddress.getByName(a); // literal addresses: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(a, e);
            }
        }).toList());
    }
}
