package vn.govqms.document.controlled;

import vn.govqms.document.controlled.DocumentDtos.PaperReceipt;
import vn.govqms.document.controlled.DocumentDtos.RecipientKind;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.security.AgencyRef;
import vn.govqms.kit.security.Caller;
import vn.govqms.kit.security.Roles;
import vn.govqms.kit.security.Scope;

/**
 * Who may sign for a recipient's receipt. Receipt is the recipient's own word: a person signs with their own
 * token (its subject is the one named), a unit by its own head or ISO officer (a token of that unit). Anyone
 * else, however wide their scope, signs for no one; the issuing agency's ISO officer records a receipt signed on
 * paper, marked as such with where the signature is. An entry named by name only (before recipients were
 * identified) has no token to match: paper only.
 */
final class ReceiptPolicy {

    private ReceiptPolicy() {
    }

    /** 403 unless the caller may record this receipt; {@code unit} is the named unit (UNIT entries), else null. */
    static void requireMayAcknowledge(DistributionEntry entry, PaperReceipt paper, Caller caller, Scope scope, AgencyRef issuer,
                                      AgencyRef unit) {
        if (paper != null) {
            if (!caller.hasRole(Roles.ISO_OFFICER)) {
                throw ProblemException.forbidden("A paper receipt is recorded by the ISO officer of the issuing agency.");
            }
            scope.requireWrite(issuer);
            return;
        }
        if (entry.namedOnly) {
            throw ProblemException.forbidden(entry.displayName() + " was named before recipients were identified: the ISO officer "
                    + "records the receipt from its paper evidence (paper).");
        }
        if (entry.kind == RecipientKind.PERSON) {
            if (!entry.recipient.equals(caller.subject())) {
                throw forSomeoneElse(entry);
            }
            return;
        }
        boolean unitsOwn = unit != null && scope.level() == Scope.Level.AGENCY && scope.mayRead(unit)
                && (caller.hasRole(Roles.AGENCY_HEAD) || caller.hasRole(Roles.ISO_OFFICER));
        if (!unitsOwn) {
            throw forSomeoneElse(entry);
        }
        scope.requireWrite(unit); // an ended unit signs for nothing
    }

    static ProblemException forSomeoneElse(DistributionEntry entry) {
        return ProblemException.forbidden("Only " + entry.displayName() + (entry.kind == RecipientKind.UNIT
                ? " (its head or ISO officer, with a token of the unit)" : " (with their own token)")
                + " signs for this receipt; nobody signs for someone else. The ISO officer records a receipt signed on paper (paper).");
    }
}
