package vn.govqms.kit.calendar;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;

/** Builds the deployment's {@link WorkingCalendar} once, and says at start when this year or next is not configured. */
@ApplicationScoped
public class CalendarProducer {

    @Produces
    @Singleton
    @Startup
    WorkingCalendar calendar(CalendarConfig config, Clock clock) {
        WorkingCalendar calendar = WorkingCalendar.of(config);
        int year = LocalDate.now(clock).getYear();
        for (int y = year; y <= year + 1; y++) {
            if (!calendar.knows(y)) {
                Log.warnf("govqms.calendar has no days off for %d: working days of %d count weekends only until the deployment "
                        + "configures govqms.calendar.days-off.%d and make-up-days.%d", y, y, y, y);
            }
        }
        return calendar;
    }
}
