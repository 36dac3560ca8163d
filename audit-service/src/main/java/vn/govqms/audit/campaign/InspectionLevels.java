package vn.govqms.audit.campaign;

import vn.govqms.audit.AuditConfig;
import vn.govqms.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which agency levels a province's campaign must include: those the law makes mandatory (configured for the deployment)
 * and those among the encouraged ones the province chose; the district level only for campaigns that start before it ended.
 */
public record InspectionLevels(Set<String> mandatory, Set<String> encouraged, LocalDate districtLevelEnded) {

    static final String DISTRICT = "DISTRICT";

    public static InspectionLevels of(AuditConfig.Inspection config) {
        return new InspectionLevels(Set.copyOf(config.mandatoryLevels()), Set.copyOf(config.encouragedLevels()),
                config.districtLevelEnded());
    }

    /** The levels a campaign starting on {@code periodStart} must include, with the levels the province chose. */
    public List<String> required(Collection<String> chosen, LocalDate periodStart) {
        Set<String> levels = new TreeSet<>(mandatory);
        levels.addAll(chosen);
        if (!periodStart.isBefore(districtLevelEnded)) {
            levels.remove(DISTRICT);
        }
        return List.copyOf(levels);
    }

    /** A province's choice: encouraged levels only, each once, sorted; 400 naming any other level. */
    public List<String> choose(Collection<String> levels) {
        Set<String> chosen = new TreeSet<>();
        for (String level : levels) {
            String value = level.trim();
            if (!encouraged.contains(value)) {
                throw ProblemException.invalidField("includedLevels", value + " is not a level a province adds (those the law "
                        + "encourages: " + String.join(", ", new TreeSet<>(encouraged)) + "; those it requires are always included)");
            }
            chosen.add(value);
        }
        return List.copyOf(chosen);
    }
}
