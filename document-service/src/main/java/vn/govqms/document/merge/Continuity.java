package vn.govqms.document.merge;

import vn.govqms.document.agency.Agency;
import vn.govqms.document.agency.AgencyDtos.NewAgency;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.province.ProvinceSuccessions;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Where and when a successor may continue its sources, in a merger or a split; who may do it is
 * {@code Scope}'s decision. The successor exists on the effective date, at a level that still exists then,
 * and in the province that continues each source's province on that day: its own, or, once provinces merged
 * (24 Bắc Giang and 27 Bắc Ninh into the new Bắc Ninh, 24, on 1 July 2025), the continuing one.
 */
final class Continuity {

    private Continuity() {
    }

    static void requireSuccessor(Agency successor, Collection<Agency> sources, LocalDate effective, ProvinceSuccessions provinces) {
        if (!successor.level.existsOn(effective)) {
            throw ProblemException.unprocessable("level-ended", "Level ended", "Successor " + successor.code + " is a "
                    + successor.level + " (" + successor.level.label() + "), a level that ended on " + successor.level.lastDay()
                    + ": it cannot continue other agencies from " + effective + ".", Map.of("field", "successor"));
        }
        boolean started = successor.validFrom == null || !successor.validFrom.isAfter(effective);
        boolean open = successor.validTo == null || !successor.validTo.isBefore(effective);
        if (!started || !open) {
            throw ProblemException.unprocessable("successor-not-valid", "Successor does not exist on the effective date",
                    "Successor " + successor.code + " is valid " + (successor.validFrom == null ? "" : "from " + successor.validFrom + " ")
                            + (successor.validTo == null ? "" : "to " + successor.validTo) + ", not on " + effective + ".",
                    Map.of("field", "successor"));
        }
        for (Agency source : sources) {
            String continuing = provinces.current(source.provinceCode, effective);
            if (!continuing.equals(successor.provinceCode)) {
                throw ProblemException.unprocessable("successor-in-other-province", "Successor in another province",
                        "Agency " + source.code + " is of province " + source.provinceCode
                                + (continuing.equals(source.provinceCode) ? "" : ", continued by province " + continuing + " from "
                                + provinces.successionOf(source.provinceCode, effective).orElseThrow().effectiveDate())
                                + ": its successor on " + effective + " must be an agency of province " + continuing
                                + ", not of " + successor.provinceCode + ".",
                        Map.of("field", "successor", "provinceCode", continuing));
            }
        }
    }

    /**
     * A source ends the day before the effective date. One that ended earlier, or that day but is continued by
     * another agency already, is not merged or split again (409); one registered as ending that day (a district
     * loaded with its last day, 30 June 2025) is, and its successor is recorded now.
     */
    static void requireSource(Agency source, LocalDate effective, boolean continued) {
        if (source.validTo == null || !source.validTo.isBefore(effective)) {
            return;
        }
        if (continued || source.validTo.isBefore(effective.minusDays(1))) {
            throw ProblemException.conflict("Agency " + source.code + " already ended on " + source.validTo
                    + (continued ? " and is continued by another agency" : "") + ".");
        }
    }

    /** A successor registered by the reorganisation starts on its effective date. */
    static NewAgency startingOn(NewAgency n, LocalDate effective, String field) {
        if (n.validFrom() != null && !n.validFrom().equals(effective)) {
            throw ProblemException.invalidField(field + ".validFrom", "a successor registered by the reorganisation starts on "
                    + "its effective date, " + effective + " (leave it out)");
        }
        return new NewAgency(n.code(), n.name(), n.level(), n.parentId(), n.provinceCode(), effective, n.validTo());
    }
}
