package vn.govqms.notification.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code govqms.consumer.*}: how this service applies a polled batch. */
@ConfigMapping(prefix = "govqms.consumer")
public interface KeyedBatchesConfig {

    /** Parts a batch is split into by record key (agency) and applied side by side; at least 1. */
    @WithDefault("4")
    int parts();
}
