package vn.govqms.notification.webhook;

import io.smallrye.mutiny.Uni;

import java.net.InetAddress;
import java.util.List;

/**
 * Turns a webhook target's host name into addresses. Asked when a subscription is saved and again before every delivery; the
 * delivery then connects to the address that was checked, never to a second answer (a name that answered a public address
 * when saved and answers an internal one later reaches nothing).
 */
public interface HostResolver {

    /** Every address the name has now; fails with {@link java.net.UnknownHostException} when it has none. */
    Uni<List<InetAddress>> resolve(String name);
}
