package vn.govqms.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import java.util.Set;

/** {@code govqms.audit.*}: the rules of audit-service that the legal texts set as defaults. */
@ConfigMapping(prefix = "govqms.audit")
public interface AuditConfig {

    /** How often activity items and corrective actions are checked against their dates. */
    @WithDefault("10m")
    Duration overdueCheckEvery();

    /** Days past the due date at which an open corrective action is announced (again). */
    @WithDefault("1,15,30")
    List<Integer> escalationSteps();

    Inspection inspection();

    MinistryReport ministryReport();

    ProvinceSummary provinceSummary();

    /**
     * Days before a yearly report's deadline at which a province that has not submitted it is reminded
     * ({@code report-deadline.approaching}, to its steering committee); the day after the deadline it is told once that it
     * missed it ({@code report-deadline.missed}).
     */
    @WithDefault("7,1")
    List<Integer> reportReminderDays();

    PlanTemplate planTemplate();

    /**
     * When in the year a new activity plan schedules each activity the law requires every year (ISO {@code --MM-DD};
     * {@code --02-29} falls on 28 February in other years). The officer moves them within the draft as the agency decides.
     */
    interface PlanTemplate {

        /** The year's quality objectives set and issued. */
        @WithDefault("--01-31")
        MonthDay objectivesSet();

        /** The ISO procedures reviewed against the TTHCs and the legal documents. */
        @WithDefault("--06-30")
        MonthDay procedureReview();

        /** The internal audit (at least once a year). */
        @WithDefault("--09-30")
        MonthDay internalAudit();

        /** The management review (at least once a year). */
        @WithDefault("--11-30")
        MonthDay managementReview();
    }

    interface MinistryReport {

        /**
         * The day of the year by which each province submits its December report to the Ministry of Science and
         * Technology for that year (ISO {@code --MM-DD}); a province without a submission by then is listed as missing.
         */
        @WithDefault("--12-15")
        MonthDay deadline();
    }

    interface ProvinceSummary {

        /**
         * The day of the year by which each province submits its November summary of the year's inspections (ISO
         * {@code --MM-DD}).
         */
        @WithDefault("--11-30")
        MonthDay deadline();
    }

    interface Inspection {

        /**
         * How many inspection campaigns a province runs in a year, at most (one by default: the yearly plan the Provincial
         * People's Committee approves). Each campaign follows the rules below on its own.
         */
        @WithDefault("1")
        int campaignsPerYear();

        /** The share of a campaign's agencies inspected on site, at least (Circular 26/2014/TT-BKHCN: one third). */
        @WithDefault("1/3")
        String minOnSiteShare();

        /** After an on-site inspection the agency owes its corrective-action report within this period. */
        @WithDefault("P2M")
        Period correctiveReportWithin();

        /**
         * Agency levels that must apply the QMS by law (Decision 19/2014/QĐ-TTg): ministries' units, the provincial People's
         * Committee (its office), provincial departments and sub-departments, and district People's Committees until the
         * district level ended ({@link #districtLevelEnded()}). Every campaign of a province includes its agencies at them.
         */
        @WithDefault("MINISTRY_UNIT,PROVINCIAL_PEOPLES_COMMITTEE,DEPARTMENT,SUB_DEPARTMENT,DISTRICT")
        Set<String> mandatoryLevels();

        /**
         * Levels the law encourages (communes, wards, special zones, public service units): a province that chooses one
         * ({@code PUT /api/v1/inspection-levels/{provinceCode}}) has its agencies at that level in its campaigns too.
         */
        @WithDefault("COMMUNE,WARD,SPECIAL_ZONE,PUBLIC_SERVICE_UNIT")
        Set<String> encouragedLevels();

        /** The day the district level ended (1 July 2025): a campaign starting on or after it requires no district. */
        @WithDefault("2025-07-01")
        LocalDate districtLevelEnded();
    }
}
