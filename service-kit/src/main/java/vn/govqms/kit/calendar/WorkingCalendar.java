package vn.govqms.kit.calendar;

import vn.govqms.kit.time.ClockProducer;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one working-day calendar of a deployment: weekends, the days off the Government announces (holidays, Tết,
 * compensatory and swapped days) and the weekend days it makes working days. Every working-day rule of every service
 * counts with it. A year the deployment did not configure counts weekends only: {@link #knows(int)} says which are.
 */
public final class WorkingCalendar {

    private final Set<DayOfWeek> weekend;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> makeUpDays;
    private final Set<Integer> years;
    private final LocalTime opens;
    private final LocalTime closes;

    public WorkingCalendar(Set<DayOfWeek> weekend, Collection<LocalDate> daysOff, Collection<LocalDate> makeUpDays,
                           LocalTime opens, LocalTime closes) {
        this.weekend = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
        this.daysOff = new TreeSet<>(daysOff);
        this.makeUpDays = new TreeSet<>(makeUpDays);
        if (!closes.isAfter(opens)) {
            throw new IllegalArgumentException("govqms.calendar: office-closes must be after office-opens");
        }
        this.opens = opens;
        this.closes = closes;
        for (LocalDate d : this.makeUpDays) {
            if (!this.weekend.contains(d.getDayOfWeek())) {
                throw new IllegalArgumentException("govqms.calendar.make-up-days: " + d + " is a " + d.getDayOfWeek()
                        + ", not a weekend day");
            }
            if (this.daysOff.contains(d)) {
                throw new IllegalArgumentException("govqms.calendar: " + d + " is both a day off and a make-up day");
            }
        }
        TreeSet<Integer> known = new TreeSet<>();
        this.daysOff.forEach(d -> known.add(d.getYear()));
        this.makeUpDays.forEach(d -> known.add(d.getYear()));
        this.years = known;
    }

    /** From the configuration; an entry that is not a date or range of the year it is listed under stops the start. */
    public static WorkingCalendar of(CalendarConfig config) {
        return new WorkingCalendar(config.weekend(), parse("days-off", config.daysOff()), parse("make-up-days", config.makeUpDays()),
                config.officeOpens(), config.officeCloses());
    }

    /** Entries per year: {@code 2026-04-30} or {@code 2026-02-16..2026-02-20}. */
    static List<LocalDate> parse(String key, Map<String, List<String>> perYear) {
        TreeSet<LocalDate> out = new TreeSet<>();
        perYear.forEach((year, entries) -> {
            for (String raw : entries) {
                String entry = raw.trim();
                if (entry.isEmpty()) {
                    continue;
                }
                LocalDate from;
                LocalDate to;
                try {
                    int dots = entry.indexOf("..");
                    from = LocalDate.parse(dots < 0 ? entry : entry.substring(0, dots).trim());
                    to = dots < 0 ? from : LocalDate.parse(entry.substring(dots + 2).trim());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("govqms.calendar." + key + "." + year + ": '" + entry
                            + "' is neither a date (2026-04-30) nor a range (2026-02-16..2026-02-20)");
                }
                if (to.isBefore(from) || !String.valueOf(from.getYear()).equals(year) || !String.valueOf(to.getYear()).equals(year)) {
                    throw new IllegalArgumentException("govqms.calendar." + key + "." + year + ": '" + entry
                            + "' must be a date or an ordered range within " + year);
                }
                from.datesUntil(to.plusDays(1)).forEach(out::add);
            }
        });
        return List.copyOf(out);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpDays.contains(day)) {
            return true;
        }
        return !weekend.contains(day.getDayOfWeek()) && !daysOff.contains(day);
    }

    /** {@code day} when it is a working day, else the first working day after it. */
    public LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The {@code n}th working day after {@code from} ("within n working days of the decision"): {@code from} itself
     * does not count, whatever day it is; 0 gives {@code from} when it is a working day, else the next one.
     */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a number of working days is not negative");
        }
        LocalDate d = from;
        if (n == 0) {
            return workingDayOnOrAfter(d);
        }
        for (int left = n; left > 0; ) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Working days after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    /**
     * When a matter received at {@code received} is due under {@code time}, at office closing time in Vietnam:
     * n working days: the nth working day after the day received; "trong ngày": the day received when it is a working
     * day and received before closing, else the next working day; n working hours: counted within office hours from
     * the moment received (or the next opening), ending at the hour they run out.
     */
    public OffsetDateTime dueAt(OffsetDateTime received, ProcessingTime time) {
        ZonedDateTime local = received.atZoneSameInstant(ClockProducer.VIETNAM);
        LocalDate day = local.toLocalDate();
        LocalDateTime due = switch (time.unit()) {
            case WORKING_DAYS -> plusWorkingDays(day, time.amount()).atTime(closes);
            case WITHIN_DAY -> (isWorkingDay(day) && local.toLocalTime().isBefore(closes) ? day : plusWorkingDays(day, 1)).atTime(closes);
            case WORKING_HOURS -> afterWorkingHours(local.toLocalDateTime(), time.amount());
        };
        return due.atZone(ClockProducer.VIETNAM).toOffsetDateTime();
    }

    private LocalDateTime afterWorkingHours(LocalDateTime start, int hours) {
        Duration left = Duration.ofHours(hours);
        LocalDate day = start.toLocalDate();
        LocalTime at = start.toLocalTime();
        if (!isWorkingDay(day) || !at.isBefore(closes)) {
            day = plusWorkingDays(day, 1);
            at = opens;
        } else if (at.isBefore(opens)) {
            at = opens;
        }
        while (true) {
            Duration today = Duration.between(at, closes);
            if (left.compareTo(today) <= 0) {
                return day.atTime(at.plus(left));
            }
            left = left.minus(today);
            day = plusWorkingDays(day, 1);
            at = opens;
        }
    }

    /** Whether the deployment configured {@code year} (days off or make-up days); other years count weekends only. */
    public boolean knows(int year) {
        return years.contains(year);
    }

    public Set<Integer> years() {
        return years;
    }

    public LocalTime officeCloses() {
        return closes;
    }
}
