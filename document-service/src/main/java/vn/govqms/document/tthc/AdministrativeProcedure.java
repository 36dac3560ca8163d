package vn.govqms.document.tthc;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.calendar.ProcessingTime;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.text.VietnameseText;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An administrative procedure (TTHC) of the catalogue, national or localised to a province. */
@Entity
public class AdministrativeProcedure extends TrackedEntity {

    /** {@code 1.001612} (national) or {@code 1.001612.000.00.00.H48} (localised; the suffix names the province). */
    public String code;
    public String nationalCode;
    public String name;
    public String searchText;

    /** Lĩnh vực, e.g. "Hoạt động khoa học và công nghệ". */
    public String field;

    @Enumerated(EnumType.STRING)
    public ProcedureLevel level;

    /** The whole working days the legal processing time spans (at least 1); {@link #processingTime()} is the time itself. */
    public int processingDays;

    @Enumerated(EnumType.STRING)
    public ProcessingTime.Unit processingUnit;

    /** Working days or hours; 0 for "trong ngày". */
    public int processingAmount;

    @Enumerated(EnumType.STRING)
    public ProcedureStatus status;

    /** The decision that published (or last changed) it in the province, e.g. 1234/QĐ-UBND. */
    public String publishedByDecision;
    public String provinceCode;

    /** When the last amendment or the abolition takes effect. */
    public LocalDate changedAt;
    public String changeReason;

    /** Length of a national code, {@code 1.001612}; a localised code continues it. */
    static final int NATIONAL_CODE_LENGTH = 8;

    /**
     * The register a code belongs to: a national code to the national catalogue (no province), a localised code
     * to the province it is localised to. 400 when code and province disagree.
     */
    public static void requireRegisterOfCode(String code, String provinceCode) {
        boolean localised = code.length() > NATIONAL_CODE_LENGTH;
        if (localised && provinceCode == null) {
            throw ProblemException.invalidField("provinceCode", "a localised code (" + code + ") names the province it is localised to");
        }
        if (!localised && provinceCode != null) {
            throw ProblemException.invalidField("provinceCode", "a national code (" + code + ") belongs to the national catalogue, "
                    + "which has no province; a province publishes its localised code (" + code + ".000.00.00.Hxx)");
        }
    }

    /** A procedure of the national catalogue or localised to a province (see {@link #requireRegisterOfCode}). */
    public static AdministrativeProcedure publish(String code, String provinceCode, OffsetDateTime now) {
        requireRegisterOfCode(code, provinceCode);
        AdministrativeProcedure p = new AdministrativeProcedure();
        p.id = UUID.randomUUID();
        p.code = code;
        p.nationalCode = code.substring(0, NATIONAL_CODE_LENGTH);
        p.provinceCode = provinceCode;
        p.status = ProcedureStatus.IN_FORCE;
        p.createdAt = now;
        return p;
    }

    public void describe(String name, String field, ProcedureLevel level, ProcessingTime time, String decision) {
        this.name = name;
        this.field = field;
        this.level = level;
        this.processingUnit = time.unit();
        this.processingAmount = time.amount();
        this.processingDays = time.wholeDays();
        this.publishedByDecision = decision;
        this.searchText = VietnameseText.fold(code + " " + name + " " + field);
        touch();
    }

    /** The legal processing time: working days, working hours or "trong ngày". */
    public ProcessingTime processingTime() {
        return new ProcessingTime(processingUnit, processingAmount);
    }

    /** Amended with effect from {@code effective}; an abolished procedure cannot be. */
    public void amend(LocalDate effective, String reason) {
        requireNotAbolished("amend");
        this.status = ProcedureStatus.AMENDED;
        this.changedAt = effective;
        this.changeReason = reason;
    }

    public void abolish(LocalDate effective, String reason) {
        requireNotAbolished("abolish");
        this.status = ProcedureStatus.ABOLISHED;
        this.changedAt = effective;
        this.changeReason = reason;
    }

    private void requireNotAbolished(String action) {
        if (status == ProcedureStatus.ABOLISHED) {
            throw ProblemException.invalidTransition("administrative procedure", "ABOLISHED", action, List.of());
        }
    }
}
