package vn.govqms.document.qms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;
import java.util.List;

/** {@code govqms.qms.*}: announcing conformity and re-announcing it. */
@ConfigMapping(prefix = "govqms.qms")
public interface QmsConfig {

    /**
     * The documents of the framework model (Decision 101/2019/QĐ-BKHCN) an agency must have issued before it announces:
     * each entry a document type, or several joined by {@code |} of which one is enough.
     */
    @WithDefault("QUALITY_POLICY,QUALITY_OBJECTIVES,SYSTEM_PROCEDURE,OPERATIONAL_PROCEDURE|TTHC_PROCEDURE")
    List<String> frameworkDocuments();

    /** How long before the announcement's decision date an internal audit, a management review or the head's confirmation counts. */
    @WithDefault("P1Y")
    Period stepsWithin();

    /** A change of scope (TTHCs added or removed, a merger, a split) is re-announced within this period. */
    @WithDefault("P3M")
    Period reannounceWithin();

    /** How often pending re-announcements are checked against their due date (read by {@link ReannouncementCheck}'s schedule). */
    @WithDefault("10m")
    Duration overdueCheckEvery();
}
