package vn.govqms.notification.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code govqms.email.*}: the e-mail queue. */
@ConfigMapping(prefix = "govqms.email")
public interface EmailConfig {

    /** How often pending e-mails are looked for (read by the sender's schedule). */
    @WithDefault("5s")
    Duration sendEvery();

    /** E-mails taken per round; the daily digest's contacts per claim. */
    @WithDefault("50")
    int batchSize();

    /** Attempts before an e-mail is given up (FAILED). */
    @WithDefault("5")
    int maxAttempts();

    /** Wait after the first failure; doubled after each further one. */
    @WithDefault("30s")
    Duration initialBackoff();

    /** When the daily digest goes out (cron; "off" to disable). */
    @WithDefault("0 0 7 * * ?")
    String digestCron();
}
