package vn.govqms.document.legal;

import vn.govqms.kit.problem.ProblemException;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Which document a relation acts on, within the issuer's authority. A national document acts on national
 * documents and, since the State's documents bind the provinces, on provincial ones. A provincial document
 * amends, replaces or repeals only its own province's documents (those of the provinces merged into it
 * included); it may guide a national one too.
 * <p>
 * A number names, for a national document, the national document of that number, else the one provincial
 * document of that number (several: ambiguous); for a provincial document, its own province's document of that
 * number (a national one for guidance only).
 */
final class RelationTargets {

    /** A document a number could name, as a refusal lists it. */
    record Candidate(String id, String provinceCode, String issuer, String title) {
        static Candidate of(LegalDocument d) {
            return new Candidate(d.id.toString(), d.provinceCode, d.issuer, d.title);
        }
    }

    private RelationTargets() {
    }

    /** Whether a document of {@code authority} may act on {@code target} by {@code kind}. */
    static boolean mayAct(IssuingAuthority authority, RelationKind kind, LegalDocument target) {
        return authority.isNational() || authority.owns(target.provinceCode)
                || kind == RelationKind.GUIDES && target.provinceCode == null;
    }

    /** The target named by {@code id} ({@code found}, null when none): 422 when unknown or outside the authority. */
    static LegalDocument byId(IssuingAuthority authority, RelationKind kind, UUID id, LegalDocument found, String field) {
        if (found == null) {
            throw unknown(field, id.toString());
        }
        if (!mayAct(authority, kind, found)) {
            throw outside(authority, kind, List.of(found), field, id.toString());
        }
        return found;
    }

    /** The document {@code number} names among {@code sameNumber} (every document of that number); 422 otherwise. */
    static LegalDocument byNumber(IssuingAuthority authority, RelationKind kind, String number, List<LegalDocument> sameNumber,
                                  String field) {
        List<LegalDocument> national = sameNumber.stream().filter(d -> d.provinceCode == null).toList();
        List<LegalDocument> found;
        if (authority.isNational()) {
            found = national.isEmpty() ? sameNumber : national;
        } else {
            found = sameNumber.stream().filter(d -> authority.owns(d.provinceCode)).toList();
            if (found.isEmpty() && kind == RelationKind.GUIDES) {
                found = national;
            }
            if (found.isEmpty() && !sameNumber.isEmpty()) {
                throw outside(authority, kind, sameNumber, field, number);
            }
        }
        if (found.isEmpty()) {
            throw unknown(field, number);
        }
        if (found.size() > 1) {
            List<Candidate> candidates = found.stream()
                    .sorted(Comparator.comparing((LegalDocument d) -> d.provinceCode, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(d -> d.id))
                    .map(Candidate::of).toList();
            throw ProblemException.unprocessable("ambiguous-reference", "Ambiguous reference", field + ": " + found.size()
                    + " registers hold a document " + number + "; name the one meant by targetId.",
                    Map.of("field", field, "candidates", candidates));
        }
        return found.get(0);
    }

    private static ProblemException unknown(String field, String named) {
        return ProblemException.unprocessable("unknown-reference", "Unknown reference", field + ": no legal document " + named
                + " in the register; register it first.", Map.of("field", field));
    }

    /** amend, replace, repeal, guide. */
    private static String verb(RelationKind kind) {
        String name = kind.name().toLowerCase();
        return name.substring(0, name.length() - 1);
    }

    private static ProblemException outside(IssuingAuthority authority, RelationKind kind, List<LegalDocument> targets,
                                            String field, String named) {
        String where = targets.stream().map(d -> d.provinceCode == null ? "national" : "province " + d.provinceCode)
                .distinct().sorted().collect(Collectors.joining(", "));
        return ProblemException.unprocessable("relation-outside-authority", "Relation outside the issuer's authority",
                field + ": " + named + " is in another register (" + where + "); a document of " + authority.label()
                        + " may " + verb(kind) + " only " + (kind == RelationKind.GUIDES
                        ? "its own province's documents or national ones." : "its own province's documents."),
                Map.of("field", field, "candidates", targets.stream().map(Candidate::of).toList()));
    }
}
