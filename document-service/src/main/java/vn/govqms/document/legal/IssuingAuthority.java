package vn.govqms.document.legal;

import java.util.Set;

/**
 * Whose register an entry (a legal document, a TTHC) belongs to: the national one ({@code provinceCode} null)
 * or a province's own, which continues the registers of the provinces merged into it ({@code provinces}: the
 * province and its predecessors on the day that matters).
 */
public record IssuingAuthority(String provinceCode, Set<String> provinces) {

    public IssuingAuthority {
        provinces = Set.copyOf(provinces);
    }

    public static IssuingAuthority national() {
        return new IssuingAuthority(null, Set.of());
    }

    public boolean isNational() {
        return provinceCode == null;
    }

    /** Whether an entry of {@code entryProvince} (null: national) is in this authority's own register. */
    public boolean owns(String entryProvince) {
        return isNational() ? entryProvince == null : entryProvince != null && provinces.contains(entryProvince);
    }

    /** Whether an entry of this register may rest on (cite, implement) an entry of {@code entryProvince}: its own or a national one. */
    public boolean mayRelyOn(String entryProvince) {
        return entryProvince == null || owns(entryProvince);
    }

    /** "the national register" or "province 24's register", for messages. */
    public String label() {
        return isNational() ? "the national register" : "province " + provinceCode + "'s register";
    }
}
