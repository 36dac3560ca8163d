package vn.govqms.notification.webhook;

import io.netty.handler.ssl.NotSslRecordException;
import io.vertx.core.http.HttpClosedException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import io.netty.channel.ConnectTimeoutException;

/**
 * Why a delivery attempt failed, as the delivery log shows it. The log is read by whoever manages the subscription (a
 * one-stop-shop system among them): the raw connection error would tell them about this service's network (addresses,
 * resolvers, proxies), so it goes to this service's own log only (DEBUG on {@code vn.govqms.notification.webhook}).
 */
public enum FailureReason {

    TIMEOUT("no answer within the timeout"),
    REFUSED("the connection was refused"),
    CLOSED("the connection was closed before an answer"),
    TLS("the TLS handshake failed (certificate, name or protocol)"),
    HTTP_STATUS("HTTP %d"),
    REDIRECT("HTTP %d: redirects are not followed; give the subscription its final URL"),
    DNS("the name does not resolve"),
    BLOCKED_ADDRESS("the name resolves to an address webhooks may not reach"),
    BLOCKED_TARGET("the URL's scheme or port is not allowed"),
    WITHHELD("withheld: one-stop-shop systems do not receive %s"),
    BODY("the event could not be written as JSON"),
    SECRET_UNAVAILABLE("the subscription's secret cannot be read; the operator must restore its encryption key"),
    OTHER("the connection failed");

    private final String text;

    FailureReason(String text) {
        this.text = text;
    }

    /** The text of the delivery log, with the status code or event type where the reason has one. */
    public String text(Object... args) {
        return args.length == 0 ? text : text.formatted(args);
    }

    /** The reason of a failure before any answer (connecting, TLS, sending, waiting). */
    public static FailureReason of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            // a connect timeout is also a ConnectException: timeouts first
            if (t instanceof TimeoutException || t instanceof ConnectTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return TIMEOUT;
            }
            if (t instanceof SSLException || t instanceof NotSslRecordException) {
                return TLS;
            }
            if (t instanceof UnknownHostException) {
                return DNS;
            }
            if (t instanceof ConnectException) {
                return REFUSED;
            }
            if (t instanceof HttpClosedException) {
                return CLOSED;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) { // reset by peer, broken pipe
                return CLOSED;
            }
        }
        return OTHER;
    }
}
