package vn.govqms.audit.campaign;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import vn.govqms.kit.persistence.TrackedEntity;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import vn.govqms.kit.json.JsonColumn;

/** A province's inspection campaign of a year: the agencies to inspect and how, approved by decision. */
@Entity
public class InspectionCampaign extends TrackedEntity {

    public String provinceCode;
    public int year;
    public String title;
    public LocalDate periodStart;
    public LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    public CampaignStatus status;
    @ColumnTransformer(read = "cast(team as text)", write = JsonColumn.WRITE)
    public String team;
    public String decisionNumber;
    public LocalDate decisionDate;
    public String approvedBy;
    public OffsetDateTime approvedAt;
    public String createdBy;

    public void requireDraft(String action) {
        if (status != CampaignStatus.DRAFT) {
            throw ProblemException.invalidTransition("inspection campaign", status.name(), action, status.allowed());
        }
    }

    /**
     * A province runs at most {@code perYear} campaigns in a year (one by default); refused with 409 when it has as many.
     */
    public static void checkCampaignsPerYear(long existing, int perYear, String provinceCode, int year) {
        if (existing >= perYear) {
            throw ProblemException.conflict("Province " + provinceCode + " already has " + existing + " inspection campaign"
                    + (existing == 1 ? "" : "s") + " for " + year + ", as many as a year has (" + perYear + ").");
        }
    }

    /**
     * At least a share of the agencies on site (one third by default: Circular 26/2014/TT-BKHCN);
     * refused with 422 naming the counts.
     */
    public static void checkOnSiteShare(long onSite, long total, String share) {
        String[] parts = share.split("/");
        long num = Long.parseLong(parts[0].trim());
        long den = parts.length > 1 ? Long.parseLong(parts[1].trim()) : 1;
        if (onSite * den < total * num) {
            long required = (total * num + den - 1) / den;
            throw ProblemException.unprocessable("on-site-share", "Too few on-site inspections",
                    "Only " + onSite + " of " + total + " agencies are inspected on site; at least " + share + " (" + required
                            + ") must be.", Map.of("onSite", onSite, "records", total - onSite, "total", total,
                            "requiredOnSite", required, "minOnSiteShare", share));
        }
    }
}
