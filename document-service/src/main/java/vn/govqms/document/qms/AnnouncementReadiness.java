package vn.govqms.document.qms;

import vn.govqms.document.controlled.DocumentType;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether an agency may announce conformity on a day: the documents of the framework model issued, an internal audit and
 * a management review held and the head's confirmation of effectiveness given within {@code stepsWithin} before that day,
 * each either on record here or recorded by the announcement as having happened outside the system.
 */
public final class AnnouncementReadiness {

    /** A step and how it stands. */
    public record StepState(AnnouncementStep step, String label, boolean done, String how, LocalDate heldOn, String reference,
                            String missing) {
    }

    /** A step taken outside the system, as the announcement records it. */
    public record Outside(AnnouncementStep step, LocalDate heldOn, String evidence) {
    }

    private AnnouncementReadiness() {
    }

    /**
     * @param frameworkDocuments the configured entries, each a type or types joined by {@code |}
     * @param issued             the types of the agency's documents with an issued version
     * @param held               the steps on record (EVENT and HEAD sources)
     */
    public static List<StepState> assess(LocalDate on, Period within, List<String> frameworkDocuments, Set<DocumentType> issued,
                                         Collection<QmsStep> held, Collection<Outside> outside) {
        Map<AnnouncementStep, Outside> declared = outside.stream().collect(Collectors.toMap(Outside::step, o -> o, (a, b) -> a));
        List<StepState> out = new ArrayList<>();
        for (AnnouncementStep step : AnnouncementStep.values()) {
            Outside o = declared.get(step);
            if (o != null) {
                out.add(new StepState(step, step.label(), true, "OUTSIDE_SYSTEM", o.heldOn(), o.evidence(), null));
            } else if (step == AnnouncementStep.FRAMEWORK_DOCUMENTS) {
                List<String> lacking = lacking(frameworkDocuments, issued);
                out.add(new StepState(step, step.label(), lacking.isEmpty(), "IN_SYSTEM", null, null,
                        lacking.isEmpty() ? null : "no issued document of type " + String.join(", ", lacking)));
            } else {
                LocalDate from = on.minus(within);
                Optional<QmsStep> latest = held.stream().filter(h -> h.step == step && h.heldOn != null
                        && !h.heldOn.isAfter(on) && !h.heldOn.isBefore(from)).max(Comparator.comparing(h -> h.heldOn));
                out.add(latest.map(h -> new StepState(step, step.label(), true, "IN_SYSTEM", h.heldOn, h.reference, null))
                        .orElseGet(() -> new StepState(step, step.label(), false, "IN_SYSTEM", null, null,
                                "none on record between " + from + " and " + on)));
            }
        }
        return out;
    }

    private static List<String> lacking(List<String> entries, Set<DocumentType> issued) {
        List<String> lacking = new ArrayList<>();
        for (String entry : entries) {
            boolean any = Arrays.stream(entry.split("\\|")).map(String::trim).anyMatch(t -> issued.contains(DocumentType.valueOf(t)));
            if (!any) {
                lacking.add(entry.trim().replace("|", " or "));
            }
        }
        return lacking;
    }
}
