package vn.govqms.kit.province;

import java.time.LocalDate;
import java.util.List;

/**
 * The fields of {@code province.merged} the services read: the provinces {@code mergedCodes} are continued
 * by province {@code code} from {@code effectiveDate} (the code that carries on is not among them).
 */
public record ProvinceMergedData(String code, String name, LocalDate effectiveDate, List<String> mergedCodes) {
}
