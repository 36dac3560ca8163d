package vn.govqms.document.legal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.province.ProvinceRegister;
import vn.govqms.kit.security.AgencyFilter;
import vn.govqms.kit.security.Scope;

import java.time.LocalDate;
import java.util.Set;

/**
 * The registers of legal documents and TTHCs as their issuers own them: which province's register an entry
 * belongs to, and which entries a list shows by default. Registers are public (every role reads them); who
 * may WRITE an entry is {@link Scope#requireRegisterWriter}'s decision.
 */
@ApplicationScoped
public class Registers {

    /** The provincial entries a list shows besides the national ones: every province's, or those of {@code provinces}. */
    public record Listing(boolean everyProvince, Set<String> provinces) {
    }

    @Inject Scope scope;
    @Inject ProvinceRegister successions;

    /** The register of {@code provinceCode} (null: national) on {@code day}: a province's own and those merged into it by then. */
    public IssuingAuthority authority(String provinceCode, LocalDate day) {
        return provinceCode == null ? IssuingAuthority.national()
                : new IssuingAuthority(provinceCode, successions.successions().withPredecessors(provinceCode, day));
    }

    /** Which provinces' own entries a list shows (the kit's {@link Scope#registerRows} decides). */
    public Listing listing(String asked) {
        AgencyFilter rows = scope.registerRows(asked);
        return new Listing(rows.all(), rows.provinces());
    }
}
