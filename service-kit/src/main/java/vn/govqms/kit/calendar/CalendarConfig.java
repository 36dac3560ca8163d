package vn.govqms.kit.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code govqms.calendar.*}: the working days of public administration, one calendar per deployment. The kit ships
 * the days announced for 2026 and 2027 (META-INF/microprofile-config.properties); a deployment confirms or replaces
 * them each year, per year, e.g. {@code govqms.calendar.days-off.2028=2028-01-01,2028-01-25..2028-01-31}.
 */
@ConfigMapping(prefix = "govqms.calendar")
public interface CalendarConfig {

    /** The weekly days off (Decree 45/2013: Saturday and Sunday for state agencies). */
    @WithDefault("SATURDAY,SUNDAY")
    Set<DayOfWeek> weekend();

    /**
     * Per year, the weekdays offices are closed: public holidays, Tết, compensatory days (nghỉ bù) and days swapped
     * (hoán đổi). Entries are dates ({@code 2026-04-30}) or ranges ({@code 2026-02-16..2026-02-20}).
     */
    Map<String, List<String>> daysOff();

    /** Per year, the weekend days the Government makes working days in exchange for a swapped day (ngày làm bù). */
    Map<String, List<String>> makeUpDays();

    /** When offices open and close: a due date ends at closing time; processing times in hours run within these. */
    @WithDefault("08:00")
    LocalTime officeOpens();

    @WithDefault("17:00")
    LocalTime officeCloses();
}
