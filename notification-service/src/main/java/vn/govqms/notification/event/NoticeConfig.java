package vn.govqms.notification.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code govqms.notices.*}: the agencies' notices of a change ({@link AgencyChangeNotices}). */
@ConfigMapping(prefix = "govqms.notices")
public interface NoticeConfig {

    /**
     * How long a new notice's e-mail and webhook deliveries wait before they are sent: a change's fan-out reaches an agency in
     * a few polls, and the one e-mail (and delivery) should list all of its procedures, not those of the first poll.
     */
    @WithDefault("10s")
    Duration emailSettle();
}
