package vn.govqms.document.controlled;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code govqms.attachments.*}: files attached to controlled document versions. */
@ConfigMapping(prefix = "govqms.attachments")
public interface AttachmentConfig {

    /** The largest file accepted (the HTTP body limit, {@code quarkus.http.limits.max-body-size}, must be above it). */
    @WithDefault("20M")
    MemorySize maxSize();
}
