package vn.govqms.notification.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code govqms.stream.*}: the live stream of notifications. */
@ConfigMapping(prefix = "govqms.stream")
public interface StreamConfig {

    /** How often an open stream looks for new items. */
    @WithDefault("500ms")
    Duration pollEvery();

    /** How old a row must be before it is streamed, so that a late commit leaves no gap. */
    @WithDefault("2s")
    Duration settle();
}
