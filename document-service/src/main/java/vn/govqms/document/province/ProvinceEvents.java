package vn.govqms.document.province;

import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.kit.province.ProvinceSuccessionHandler;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code province.merged} on {@code document.events}, keyed by the continuing province's code. */
public final class ProvinceEvents {

    /** The type every service's {@link ProvinceSuccessionHandler} applies. */
    public static final String MERGED = ProvinceSuccessionHandler.MERGED;

    private ProvinceEvents() {
    }

    /**
     * From {@code effectiveDate} province {@code code} continues {@code mergedCodes} (which ended the day before) under
     * {@code name}; the fields of the kit's {@code ProvinceMergedData}, with every source and the decision.
     */
    public record MergedData(String code, String name, LocalDate effectiveDate, List<String> mergedCodes,
                             List<String> sourceCodes, String decision) {
    }

    static OutgoingEvent merged(ProvinceMerger m, OffsetDateTime now) {
        return OutgoingEvent.of("document.events", m.code, MERGED, "provinces/" + m.code, now,
                new MergedData(m.code, m.name, m.effectiveDate, m.mergedCodes(), m.sources(), m.decision));
    }
}
