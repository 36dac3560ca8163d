package vn.govqms.notification.deadline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** {@code govqms.deadlines.*}: reminders before due dates and escalation after them. */
@ConfigMapping(prefix = "govqms.deadlines")
public interface DeadlineConfig {

    /** How often due dates are checked (read by the check's schedule). */
    @WithDefault("10m")
    Duration checkEvery();

    /** Days before a due date when the owner (or the ISO officer) is reminded. */
    @WithDefault("7,1")
    List<Integer> reminderDays();

    /** Days overdue after which the agency head is told. */
    @WithDefault("15")
    int headAfterDays();

    /** Days overdue after which the province's steering committee is told. */
    @WithDefault("30")
    int steeringCommitteeAfterDays();
}
