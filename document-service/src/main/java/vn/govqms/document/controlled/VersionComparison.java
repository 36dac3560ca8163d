package vn.govqms.document.controlled;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.document.controlled.DocumentDtos.DocumentContent;
import vn.govqms.document.controlled.DocumentDtos.RecordKept;
import vn.govqms.document.controlled.DocumentDtos.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What changed between two versions, field by field: steps by their order, lists by their items. */
@Schema(name = "VersionComparison")
public record VersionComparison(
        int fromRevision,
        int toRevision,
        @Schema(description = "Plain fields that changed: {field: {from, to}}") Map<String, Map<String, Object>> fields,
        List<UUID> legalBasesAdded,
        List<UUID> legalBasesRemoved,
        List<Step> stepsAdded,
        List<Step> stepsRemoved,
        @Schema(description = "Steps kept at the same order whose name, unit or duration changed") List<StepChange> stepsChanged,
        List<RecordKept> recordsAdded,
        List<RecordKept> recordsRemoved,
        List<String> formsAdded,
        List<String> formsRemoved) {

    @Schema(name = "StepChange")
    public record StepChange(int order, Step from, Step to) {
    }

    public static VersionComparison of(int fromRevision, DocumentContent from, int toRevision, DocumentContent to) {
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
        field(fields, "purpose", from.purpose(), to.purpose());
        field(fields, "scope", from.scope(), to.scope());
        field(fields, "tthcCode", from.tthcCode(), to.tthcCode());
        Map<Integer, Step> before = from.stepList().stream().collect(Collectors.toMap(Step::order, Function.identity()));
        Map<Integer, Step> after = to.stepList().stream().collect(Collectors.toMap(Step::order, Function.identity()));
        List<StepChange> changed = new ArrayList<>();
        after.forEach((order, step) -> {
            Step old = before.get(order);
            if (old != null && !(old.name().equals(step.name()) && old.responsibleUnit().equals(step.responsibleUnit())
                    && old.durationDays().compareTo(step.durationDays()) == 0)) {
                changed.add(new StepChange(order, old, step));
            }
        });
        changed.sort((a, b) -> Integer.compare(a.order(), b.order()));
        return new VersionComparison(fromRevision, toRevision, fields,
                minus(to.legalBases(), from.legalBases()), minus(from.legalBases(), to.legalBases()),
                after.values().stream().filter(s -> !before.containsKey(s.order())).sorted((a, b) -> a.order() - b.order()).toList(),
                before.values().stream().filter(s -> !after.containsKey(s.order())).sorted((a, b) -> a.order() - b.order()).toList(),
                changed,
                minus(list(to.records()), list(from.records())), minus(list(from.records()), list(to.records())),
                minus(list(to.forms()), list(from.forms())), minus(list(from.forms()), list(to.forms())));
    }

    private static void field(Map<String, Map<String, Object>> fields, String name, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", from);
            change.put("to", to);
            fields.put(name, change);
        }
    }

    private static <T> List<T> list(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static <T> List<T> minus(List<T> a, List<T> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }
}
