package vn.govqms.document.province;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.govqms.document.province.ProvinceDtos.NewMerger;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A merger of provinces as recorded: from {@code effectiveDate} the province {@code code} (one of the sources,
 * which keeps its code) continues every source under {@code name}; the other sources end the day before.
 */
@Entity
public class ProvinceMerger extends PanacheEntityBase {

    @Id
    public UUID id;
    public String code;
    public String name;
    public LocalDate effectiveDate;

    /** Every province merged, the continuing one among them, as given. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] sourceCodes;
    public String decision;
    public OffsetDateTime recordedAt;

    /** The merger a request asks for, checked in itself: two sources at least, the continuing code among them. */
    static ProvinceMerger of(NewMerger in, OffsetDateTime now) {
        Set<String> sources = new LinkedHashSet<>(in.sourceCodes());
        if (sources.size() < 2) {
            throw ProblemException.unprocessable("too-few-sources", "A merger needs two provinces",
                    "sourceCodes: a merger joins at least two provinces; " + sources + " names " + sources.size() + ".",
                    Map.of("field", "sourceCodes"));
        }
        if (!sources.contains(in.code())) {
            throw ProblemException.unprocessable("continuing-code-not-a-source", "The continuing province is not a source",
                    "code: the merged province carries the code of one of the provinces it joins; " + in.code()
                            + " is not among " + sources + ".", Map.of("field", "code"));
        }
        ProvinceMerger m = new ProvinceMerger();
        m.id = UUID.randomUUID();
        m.code = in.code();
        m.name = in.name().trim();
        m.effectiveDate = in.effectiveDate();
        m.sourceCodes = sources.toArray(new String[0]);
        m.decision = in.decision().trim();
        m.recordedAt = now;
        return m;
    }

    /** The provinces that end: every source but the continuing one. */
    public List<String> mergedCodes() {
        return Arrays.stream(sourceCodes).filter(c -> !c.equals(code)).toList();
    }

    public List<String> sources() {
        return List.of(sourceCodes);
    }

    /** The same merger asked again: the same sources, name and decision (code and date are the key). */
    boolean sameAs(ProvinceMerger other) {
        return name.equals(other.name) && decision.equals(other.decision)
                && Set.of(sourceCodes).equals(Set.of(other.sourceCodes));
    }
}
