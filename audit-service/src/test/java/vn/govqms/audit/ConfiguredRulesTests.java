package vn.govqms.audit;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;
import vn.govqms.audit.campaign.InspectionCampaign;
import vn.govqms.audit.campaign.InspectionLevels;
import vn.govqms.audit.plan.ActivityKind;
import vn.govqms.audit.plan.PlanTemplate;
import vn.govqms.audit.report.ReportDeadlines;
import vn.govqms.audit.report.ReportKind;
import vn.govqms.kit.problem.ProblemException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules a deployment configures (AuditConfig), read from configuration as Quarkus reads them: defaults and one changed. */
class ConfiguredRulesTests {

    static AuditConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withMapping(AuditConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500))
                .build().getConfigMapping(AuditConfig.class);
    }

    static Map<ActivityKind, LocalDate> planned(List<PlanTemplate.Entry> entries) {
        return entries.stream().collect(Collectors.toMap(PlanTemplate.Entry::kind, PlanTemplate.Entry::plannedDate));
    }

    @Test
    void aNewPlanSchedulesTheRequiredActivitiesOnTheConfiguredDays() {
        assertEquals(Map.of(ActivityKind.OBJECTIVES_SET, LocalDate.of(2027, 1, 31), ActivityKind.PROCEDURE_REVIEW, LocalDate.of(2027, 6, 30),
                        ActivityKind.INTERNAL_AUDIT, LocalDate.of(2027, 9, 30), ActivityKind.MANAGEMENT_REVIEW, LocalDate.of(2027, 11, 30)),
                planned(PlanTemplate.forYear(2027, config(Map.of()).planTemplate())));
        AuditConfig.PlanTemplate dates = config(Map.of("govqms.audit.plan-template.internal-audit", "--10-15",
                "govqms.audit.plan-template.objectives-set", "--02-29")).planTemplate();
        assertEquals(Map.of(ActivityKind.OBJECTIVES_SET, LocalDate.of(2027, 2, 28), ActivityKind.PROCEDURE_REVIEW, LocalDate.of(2027, 6, 30),
                ActivityKind.INTERNAL_AUDIT, LocalDate.of(2027, 10, 15), ActivityKind.MANAGEMENT_REVIEW, LocalDate.of(2027, 11, 30)),
                planned(PlanTemplate.forYear(2027, dates)));
        assertEquals(LocalDate.of(2028, 2, 29), PlanTemplate.forYear(2028, dates).get(0).plannedDate());
    }

    @Test
    void campaignsRequireTheLawsLevelsThoseTheProvinceAddedAndDistrictsUntilTheyEnded() {
        InspectionLevels law = InspectionLevels.of(config(Map.of()).inspection());
        assertEquals(List.of("DEPARTMENT", "DISTRICT", "MINISTRY_UNIT", "PROVINCIAL_PEOPLES_COMMITTEE", "SUB_DEPARTMENT"),
                law.required(List.of(), LocalDate.of(2021, 11, 8)));
        assertEquals(List.of("COMMUNE", "DEPARTMENT", "MINISTRY_UNIT", "PROVINCIAL_PEOPLES_COMMITTEE", "SUB_DEPARTMENT", "WARD"),
                law.required(law.choose(List.of("WARD", "COMMUNE", "WARD")), LocalDate.of(2025, 7, 1)));
        assertEquals(400, assertThrows(ProblemException.class, () -> law.choose(List.of("DEPARTMENT"))).status());

        InspectionLevels configured = InspectionLevels.of(config(Map.of("govqms.audit.inspection.district-level-ended", "2026-01-01",
                "govqms.audit.inspection.encouraged-levels", "COMMUNE")).inspection());
        assertEquals(List.of("DEPARTMENT", "DISTRICT", "MINISTRY_UNIT", "PROVINCIAL_PEOPLES_COMMITTEE", "SUB_DEPARTMENT"),
                configured.required(List.of(), LocalDate.of(2025, 11, 3)));
        assertEquals(400, assertThrows(ProblemException.class, () -> configured.choose(List.of("WARD"))).status());
    }

    @Test
    void theYearlyReportsAreDueOnTheConfiguredDaysWithRemindersBefore() {
        AuditConfig byDefault = config(Map.of());
        assertEquals(LocalDate.of(2026, 11, 30), ReportKind.PROVINCE_SUMMARY.deadline(byDefault, 2026));
        assertEquals(LocalDate.of(2026, 12, 15), ReportKind.MINISTRY_REPORT.deadline(byDefault, 2026));
        List<Integer> days = byDefault.reportReminderDays();
        LocalDate deadline = LocalDate.of(2026, 11, 30);
        assertEquals(Optional.empty(), ReportDeadlines.step(LocalDate.of(2026, 11, 22), deadline, days));
        assertEquals(Optional.of("BEFORE_7"), ReportDeadlines.step(LocalDate.of(2026, 11, 23), deadline, days));
        assertEquals(Optional.of("BEFORE_7"), ReportDeadlines.step(LocalDate.of(2026, 11, 28), deadline, days));
        assertEquals(Optional.of("BEFORE_1"), ReportDeadlines.step(LocalDate.of(2026, 11, 29), deadline, days));
        assertEquals(Optional.of("BEFORE_1"), ReportDeadlines.step(deadline, deadline, days));
        assertEquals(Optional.of("MISSED"), ReportDeadlines.step(LocalDate.of(2026, 12, 1), deadline, days));

        AuditConfig changed = config(Map.of("govqms.audit.province-summary.deadline", "--11-25",
                "govqms.audit.ministry-report.deadline", "--12-10", "govqms.audit.report-reminder-days", "14"));
        assertEquals(LocalDate.of(2026, 11, 25), ReportKind.PROVINCE_SUMMARY.deadline(changed, 2026));
        assertEquals(LocalDate.of(2026, 12, 10), ReportKind.MINISTRY_REPORT.deadline(changed, 2026));
        assertEquals(Optional.of("BEFORE_14"), ReportDeadlines.step(LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 25),
                changed.reportReminderDays()));
        assertEquals(Period.ofMonths(2), byDefault.inspection().correctiveReportWithin());
    }

    @Test
    void aProvinceRunsAsManyCampaignsAYearAsConfigured() {
        int byDefault = config(Map.of()).inspection().campaignsPerYear();
        assertEquals(1, byDefault);
        assertDoesNotThrow(() -> InspectionCampaign.checkCampaignsPerYear(0, byDefault, "37", 2026));
        assertEquals(409, assertThrows(ProblemException.class, () -> InspectionCampaign.checkCampaignsPerYear(1, byDefault, "37", 2026))
                .status());

        int twice = config(Map.of("govqms.audit.inspection.campaigns-per-year", "2")).inspection().campaignsPerYear();
        assertDoesNotThrow(() -> InspectionCampaign.checkCampaignsPerYear(1, twice, "37", 2026));
        ProblemException third = assertThrows(ProblemException.class, () -> InspectionCampaign.checkCampaignsPerYear(2, twice, "37", 2026));
        assertEquals(409, third.status());
    }
}
