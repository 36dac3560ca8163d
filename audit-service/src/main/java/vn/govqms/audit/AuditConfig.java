package vn.govqms.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
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

    interface MinistryReport {

        /**
         * The day of the year by which each province submits its December report to the Ministry of Science and
         * Technology for that year (ISO {@code --MM-DD}); a province without a submission by then is listed as missing.
         */
        @WithDefault("--12-15")
        MonthDay deadline();
    }

    interface Inspection {

        /** The share of a campaign's agencies inspected on site, at least (Circular 26/2014/TT-BKHCN: one third). */
        @WithDefault("1/3")
        String minOnSiteShare();

        /** After an on-site inspection the agency owes its corrective-action report within this period. */
        @WithDefault("P2M")
        Period correctiveReportWithin();

        /** Agency levels that must apply the QMS, so every campaign of their province includes them. */
        @WithDefault("PROVINCIAL_PEOPLES_COMMITTEE,DEPARTMENT,SUB_DEPARTMENT,DISTRICT,COMMUNE,WARD,SPECIAL_ZONE")
        Set<String> mandatoryLevels();
    }
}
