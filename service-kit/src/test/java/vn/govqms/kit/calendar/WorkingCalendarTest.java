package vn.govqms.kit.calendar;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendar as the kit ships it (its microprofile-config.properties), and its rules. */
class WorkingCalendarTest {

    static final Set<DayOfWeek> WEEKEND = Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    static final WorkingCalendar SHIPPED = shipped();

    /** The shipped defaults, read as Quarkus reads them: govqms.calendar.days-off.YEAR and make-up-days.YEAR. */
    static WorkingCalendar shipped() {
        Properties p = new Properties();
        try (InputStream in = WorkingCalendar.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new WorkingCalendar(WEEKEND, WorkingCalendar.parse("days-off", perYear(p, "govqms.calendar.days-off.")),
                WorkingCalendar.parse("make-up-days", perYear(p, "govqms.calendar.make-up-days.")), LocalTime.of(8, 0), LocalTime.of(17, 0));
    }

    static Map<String, List<String>> perYear(Properties p, String prefix) {
        Map<String, List<String>> out = new HashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                .forEach(k -> out.put(k.substring(prefix.length()), Arrays.asList(p.getProperty(k).split(","))));
        return out;
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void tetNguyenDan2026IsNineDaysOff() {
        for (LocalDate day = d("2026-02-14"); !day.isAfter(d("2026-02-22")); day = day.plusDays(1)) {
            assertFalse(SHIPPED.isWorkingDay(day), day + " is in the Tết break");
        }
        assertTrue(SHIPPED.isWorkingDay(d("2026-02-13")));
        assertTrue(SHIPPED.isWorkingDay(d("2026-02-23")));
        // a decision signed the Friday before Tết: five working days end the Friday after it
        assertEquals(d("2026-02-27"), SHIPPED.plusWorkingDays(d("2026-02-13"), 5));
        assertEquals(5, SHIPPED.workingDaysBetween(d("2026-02-13"), d("2026-02-27")));
    }

    @Test
    void aMakeUpSaturdayIsAWorkingDayAndTheSwappedFridayIsNot() {
        assertFalse(SHIPPED.isWorkingDay(d("2026-01-02")), "Friday 2/1/2026 swapped into the New Year break");
        assertTrue(SHIPPED.isWorkingDay(d("2026-01-10")), "Saturday 10/1/2026 is worked in exchange");
        assertFalse(SHIPPED.isWorkingDay(d("2026-01-17")), "an ordinary Saturday");
        // Tuesday 6/1 + 5: 7, 8, 9, Saturday 10, Monday 12
        assertEquals(d("2026-01-12"), SHIPPED.plusWorkingDays(d("2026-01-06"), 5));
        // Quốc khánh 2026: Monday 31/8 swapped for Saturday 22/8
        assertTrue(SHIPPED.isWorkingDay(d("2026-08-22")));
        assertFalse(SHIPPED.isWorkingDay(d("2026-08-31")));
        assertFalse(SHIPPED.isWorkingDay(d("2026-09-01")));
        assertFalse(SHIPPED.isWorkingDay(d("2026-09-02")));
        assertEquals(d("2026-09-04"), SHIPPED.plusWorkingDays(d("2026-08-28"), 2));
    }

    @Test
    void holidaysOnAWeekendAreCompensated() {
        assertFalse(SHIPPED.isWorkingDay(d("2026-04-27")), "Giỗ Tổ Hùng Vương 2026 falls on Sunday 26/4");
        assertFalse(SHIPPED.isWorkingDay(d("2026-04-30")));
        assertFalse(SHIPPED.isWorkingDay(d("2026-05-01")));
        assertFalse(SHIPPED.isWorkingDay(d("2027-05-03")), "1/5/2027 is a Saturday");
        assertFalse(SHIPPED.isWorkingDay(d("2027-04-16")), "Giỗ Tổ Hùng Vương 2027");
        // Tết 2027: mùng 1 is Saturday 6/2
        assertEquals(d("2027-02-12"), SHIPPED.plusWorkingDays(d("2027-02-04"), 1));
        assertEquals(Set.of(2026, 2027), SHIPPED.years());
    }

    @Test
    void aYearNotConfiguredCountsWeekendsOnly() {
        assertFalse(SHIPPED.knows(2030));
        assertTrue(SHIPPED.isWorkingDay(d("2030-01-01")));
        // Friday + 5 working days over one weekend
        assertEquals(d("2030-01-11"), SHIPPED.plusWorkingDays(d("2030-01-04"), 5));
        assertEquals(d("2030-01-07"), SHIPPED.plusWorkingDays(d("2030-01-05"), 0), "0 days: the next working day");
    }

    @Test
    void dueTimesByUnit() {
        OffsetDateTime fridayAfternoon = OffsetDateTime.parse("2026-02-13T15:00:00+07:00");
        assertEquals(OffsetDateTime.parse("2026-02-27T17:00:00+07:00"), SHIPPED.dueAt(fridayAfternoon, ProcessingTime.days(5)));
        assertEquals(OffsetDateTime.parse("2026-02-13T17:00:00+07:00"), SHIPPED.dueAt(fridayAfternoon, ProcessingTime.withinDay()));
        assertEquals(OffsetDateTime.parse("2026-02-23T17:00:00+07:00"),
                SHIPPED.dueAt(OffsetDateTime.parse("2026-02-13T17:30:00+07:00"), ProcessingTime.withinDay()), "after closing: next working day");
        // two hours on Friday, the other two after Tết
        assertEquals(OffsetDateTime.parse("2026-02-23T10:00:00+07:00"), SHIPPED.dueAt(fridayAfternoon, ProcessingTime.hours(4)));
        // received before opening (and given in UTC): counted from opening
        assertEquals(OffsetDateTime.parse("2026-03-02T12:00:00+07:00"),
                SHIPPED.dueAt(OffsetDateTime.parse("2026-03-02T00:30:00Z"), ProcessingTime.hours(4)));
    }

    @Test
    void processingTimes() {
        assertEquals(1, ProcessingTime.withinDay().wholeDays());
        assertEquals(2, ProcessingTime.hours(12).wholeDays());
        assertEquals(15, ProcessingTime.days(15).wholeDays());
        assertEquals("Trong ngày", ProcessingTime.withinDay().label());
        assertEquals("4 giờ làm việc", ProcessingTime.hours(4).label());
        assertEquals("15 ngày làm việc", ProcessingTime.days(15).label());
        assertThrows(IllegalArgumentException.class, () -> ProcessingTime.days(0));
        assertThrows(IllegalArgumentException.class, () -> ProcessingTime.hours(0));
        assertThrows(IllegalArgumentException.class, () -> new ProcessingTime(ProcessingTime.Unit.WITHIN_DAY, 3));
        assertThrows(IllegalArgumentException.class, () -> new ProcessingTime(null, 3));
    }

    @Test
    void aMistypedCalendarStopsTheStart() {
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.parse("days-off", Map.of("2026", List.of("2026-02-30"))));
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.parse("days-off", Map.of("2026", List.of("2027-01-01"))),
                "listed under the wrong year");
        assertThrows(IllegalArgumentException.class, () -> WorkingCalendar.parse("days-off", Map.of("2026", List.of("2026-02-20..2026-02-16"))));
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(WEEKEND, List.of(), List.of(d("2026-01-09")),
                LocalTime.of(8, 0), LocalTime.of(17, 0)), "a make-up day on a Friday");
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(WEEKEND, List.of(d("2026-01-10")), List.of(d("2026-01-10")),
                LocalTime.of(8, 0), LocalTime.of(17, 0)));
    }
}
