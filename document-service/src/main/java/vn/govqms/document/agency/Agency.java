package vn.govqms.document.agency;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.text.VietnameseText;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A state agency that runs (or will run) a quality management system. */
@Entity
public class Agency extends TrackedEntity {

    public String code;
    public String name;

    /** The name without diacritics, for search as officials type it. */
    public String nameFolded;

    @Enumerated(EnumType.STRING)
    public AgencyLevel level;
    public UUID parentId;
    public String provinceCode;

    /** The root of the agency's tree: its ministry for a central unit (a ministry's tenant), itself without a parent. */
    public UUID rootId;
    public LocalDate validFrom;
    public LocalDate validTo;

    @Enumerated(EnumType.STRING)
    public QmsStatus qmsStatus = QmsStatus.NOT_STARTED;

    @Enumerated(EnumType.STRING)
    public StandardEdition standardEdition;

    /** The scope changed since the last announcement (a merger, new TTHCs handled): announce again. */
    public boolean reannouncementRequired;
    public String reannouncementReason;

    /** The pending requirement to re-announce: its id keys its reminders and escalation in other services. */
    public UUID reannouncementId;

    /** The day the scope changed. */
    public LocalDate reannouncementSince;

    /** The day the re-announcement is due ({@code govqms.qms.reannounce-within} after the change). */
    public LocalDate reannouncementDue;

    /** When the overdue re-announcement was announced (once); set by the overdue check without touching the version. */
    public OffsetDateTime reannouncementOverdueAt;

    public static Agency register(String code, String name, AgencyLevel level, Agency parent, String provinceCode,
                                  LocalDate validFrom, LocalDate validTo, OffsetDateTime now) {
        Agency a = new Agency();
        a.id = UUID.randomUUID();
        a.code = code;
        a.level = level;
        a.provinceCode = provinceCode;
        a.createdAt = now;
        a.describe(name, parent, validFrom, validTo);
        return a;
    }

    /** Changes what may change after registration; the code, level and province stay. */
    public void describe(String name, Agency parent, LocalDate validFrom, LocalDate validTo) {
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw ProblemException.invalidField("validTo", "must not be before validFrom");
        }
        if (validFrom != null && !level.existsOn(validFrom)) {
            throw ProblemException.unprocessable("level-ended", "Level ended", "The level " + level + " (" + level.label()
                    + ") ended on " + level.lastDay() + ": no agency of it starts on " + validFrom + "; it stays for the history "
                    + "before.", Map.of("field", "validFrom", "level", level.name()));
        }
        if (validTo != null && !level.existsOn(validTo)) {
            throw ProblemException.unprocessable("level-ended", "Level ended", "The level " + level + " (" + level.label()
                    + ") ended on " + level.lastDay() + ": no agency of it is valid on " + validTo + "; its last day is "
                    + level.lastDay() + " at the latest.", Map.of("field", "validTo", "level", level.name()));
        }
        // without a last day, an agency of an ended level is history being loaded: the merger that continues it ends it
        if (parent != null) {
            if (parent.id.equals(id)) {
                throw ProblemException.invalidField("parentId", "an agency cannot be its own parent");
            }
            if (!parent.provinceCode.equals(provinceCode)) {
                throw ProblemException.unprocessable("parent-in-other-province", "Parent in another province",
                        "The parent agency " + parent.code + " belongs to province " + parent.provinceCode
                                + ", not " + provinceCode + ".", Map.of());
            }
        }
        this.name = name;
        this.nameFolded = VietnameseText.fold(name);
        this.parentId = parent == null ? null : parent.id;
        this.rootId = parent == null ? id : parent.rootId;
        this.validFrom = validFrom;
        this.validTo = validTo;
        touch();
    }

    /** The agency ends on {@code lastDay} (merged into another, split, dissolved). */
    public void end(LocalDate lastDay) {
        if (validFrom != null && lastDay.isBefore(validFrom)) {
            throw ProblemException.invalidField("effectiveDate", "agency " + code + " only starts on " + validFrom);
        }
        if (!level.existsOn(lastDay)) {
            throw ProblemException.unprocessable("level-ended", "Level ended", "Agency " + code + " is a " + level + " ("
                    + level.label() + "), a level that ended on " + level.lastDay() + ": it ends on that day at the latest, not on "
                    + lastDay + ".", Map.of("field", "effectiveDate", "level", level.name()));
        }
        this.validTo = lastDay;
        touch();
    }

    /**
     * Marks the scope as changed on {@code since} whatever the QMS status (a merger, a split): the successor must announce
     * by {@code due}. A requirement already pending stays (its due date is the earlier obligation); the reason is the latest.
     */
    public void requireReannouncement(String reason, LocalDate since, LocalDate due) {
        if (!reannouncementRequired) {
            this.reannouncementRequired = true;
            this.reannouncementId = UUID.randomUUID();
            this.reannouncementSince = since;
            this.reannouncementDue = due;
            this.reannouncementOverdueAt = null;
        }
        this.reannouncementReason = reason;
        touch();
    }

    /**
     * Records an announcement of conformity (công bố): the system is announced and its scope current. Returns the
     * re-announcement requirement it clears, or null.
     */
    public UUID announced(StandardEdition edition) {
        UUID cleared = reannouncementRequired ? reannouncementId : null;
        this.qmsStatus = QmsStatus.ANNOUNCED;
        this.standardEdition = edition;
        this.reannouncementRequired = false;
        this.reannouncementReason = null;
        this.reannouncementId = null;
        this.reannouncementSince = null;
        this.reannouncementDue = null;
        this.reannouncementOverdueAt = null;
        touch();
        return cleared;
    }

    /**
     * The scope of the QMS changed on {@code since} (TTHCs added or removed): returns true when this newly requires
     * re-announcement (only an announced system needs it; a pending requirement stays as it is).
     */
    public boolean scopeChanged(String reason, LocalDate since, LocalDate due, OffsetDateTime now) {
        if (qmsStatus != QmsStatus.ANNOUNCED || reannouncementRequired) {
            return false;
        }
        requireReannouncement(reason, since, due);
        return true;
    }

    public AgencyRef ref() {
        return new AgencyRef(id, provinceCode, rootId, validTo);
    }
}
