package vn.govqms.notification.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code govqms.stream.*}: the live stream's shared poll, its bounds and its tickets. */
@ConfigMapping(prefix = "govqms.stream")
public interface StreamConfig {

    /** How often this instance's one poller reads what is new for all of its open streams. */
    @WithDefault("500ms")
    Duration pollEvery();

    /** How old a row must be before it is streamed (a transaction committing late leaves no gap). */
    @WithDefault("2s")
    Duration settle();

    /** Rows read per poll (and per page of a Last-Event-ID replay); a full batch is followed by the next at once. */
    @WithDefault("500")
    int batchSize();

    /** Streams one caller (token subject) may hold open on this instance. */
    @WithDefault("5")
    int maxPerCaller();

    /** Streams this instance holds open at most (each is an open connection and a buffer). */
    @WithDefault("1000")
    int maxPerInstance();

    /** Items waiting for a slow client before its stream is ended (it reconnects with Last-Event-ID and misses nothing). */
    @WithDefault("1000")
    int bufferPerStream();

    /** The Retry-After of a 429 when a cap is reached. */
    @WithDefault("30s")
    Duration retryAfter();

    /** How long a stream ticket may be used (once). */
    @WithDefault("60s")
    Duration ticketValidity();
}
