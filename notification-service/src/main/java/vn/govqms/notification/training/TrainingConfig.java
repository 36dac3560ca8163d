package vn.govqms.notification.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;

/** {@code govqms.training.*}: how long a new ISO officer may go untrained before the head and the steering committee are told. */
@ConfigMapping(prefix = "govqms.training")
public interface TrainingConfig {

    /** How often the ISO officers are checked (read by the check's schedule). */
    @WithDefault("1h")
    Duration checkEvery();

    /** From the day a contact became the ISO officer, how long until a training must be recorded (ISO-8601, e.g. P3M, P90D). */
    @WithDefault("P3M")
    Period isoOfficerPeriod();
}
