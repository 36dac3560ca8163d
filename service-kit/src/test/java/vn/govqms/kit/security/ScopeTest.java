package vn.govqms.kit.security;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.kit.province.ProvinceSuccessions;
import vn.govqms.kit.province.ProvinceSuccessions.Succession;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScopeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    /** The former Bắc Ninh (27) continues in the new Bắc Ninh, which kept Bắc Giang's code 24. */
    static final ProvinceSuccessions MERGED = new ProvinceSuccessions(List.of(new Succession("27", "24", LocalDate.of(2025, 7, 1))));

    static final UUID MINISTRY_A = UUID.randomUUID();
    static final UUID MINISTRY_B = UUID.randomUUID();
    static final AgencyRef UNIT_OF_A = new AgencyRef(UUID.randomUUID(), AgencyRef.CENTRAL, MINISTRY_A, null);
    static final AgencyRef UNIT_OF_B = new AgencyRef(UUID.randomUUID(), AgencyRef.CENTRAL, MINISTRY_B, null);
    static final AgencyRef BAC_GIANG_DEPT = agencyOf("24", null);
    static final AgencyRef OLD_BAC_NINH_DEPT = agencyOf("27", LocalDate.of(2025, 6, 30));
    static final AgencyRef NINH_BINH_DEPT = agencyOf("37", null);

    static AgencyRef agencyOf(String province, LocalDate validTo) {
        UUID id = UUID.randomUUID();
        return new AgencyRef(id, province, id, validTo);
    }

    static Scope scope(String role, String agency, String province) {
        return new Scope(Set.of(role), agency, province, MERGED, TODAY);
    }

    @Test
    void nationalAdminReadsEverythingAndChangesNoAgency() {
        Scope s = scope(Roles.NATIONAL_ADMIN, null, null);
        for (AgencyRef a : List.of(UNIT_OF_A, UNIT_OF_B, BAC_GIANG_DEPT, NINH_BINH_DEPT)) {
            assertTrue(s.mayRead(a));
            assertFalse(s.mayWrite(a));
        }
        s.requireRegisterWriter(null);
        assertTrue(s.rows().all());
    }

    @Test
    void aMinistryActsOnItsOwnSubtreeOnly() {
        Scope a = scope(Roles.MINISTRY_ADMIN, MINISTRY_A.toString(), null);
        assertTrue(a.mayWrite(UNIT_OF_A));
        assertTrue(a.mayWrite(new AgencyRef(MINISTRY_A, AgencyRef.CENTRAL, MINISTRY_A, null)));
        assertFalse(a.mayRead(UNIT_OF_B));
        assertFalse(a.mayRead(BAC_GIANG_DEPT));
        assertEquals(AgencyFilter.subtree(MINISTRY_A), a.rows());
        assertEquals(403, assertThrows(ProblemException.class, () -> a.requireRegisterWriter(null)).status());
    }

    @Test
    void aProvinceNeverWritesNationalRegistersNorAnotherProvincesOwn() {
        Scope p = scope(Roles.PROVINCE_ADMIN, null, "37");
        assertEquals(403, assertThrows(ProblemException.class, () -> p.requireRegisterWriter(null)).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> p.requireRegisterWriter("24")).status());
        p.requireRegisterWriter("37");
        assertTrue(p.mayWrite(NINH_BINH_DEPT));
        assertFalse(p.mayRead(BAC_GIANG_DEPT));
        assertFalse(p.mayRead(UNIT_OF_A));
    }

    @Test
    void theMergedProvinceContinuesThePredecessorsAndTheEndedOneOnlyReads() {
        Scope successor = scope(Roles.PROVINCE_ADMIN, null, "24");
        assertTrue(successor.mayWrite(OLD_BAC_NINH_DEPT));
        assertTrue(successor.mayWrite(BAC_GIANG_DEPT));
        assertEquals(Set.of("24", "27"), successor.rows().provinces());

        Scope ended = scope(Roles.PROVINCE_ADMIN, null, "27");
        assertTrue(ended.mayRead(OLD_BAC_NINH_DEPT));
        assertFalse(ended.mayWrite(OLD_BAC_NINH_DEPT));
        assertFalse(ended.mayRead(BAC_GIANG_DEPT));
        assertThrows(ProblemException.class, () -> ended.requireRegisterWriter("27"));
        successor.requireRegisterWriter("27"); // the successor continues the former province's registers
        assertThrows(ProblemException.class, () -> successor.requireRegisterWriter("37"));

        Scope beforeTheMerger = new Scope(Set.of(Roles.PROVINCE_ADMIN), null, "27", MERGED, LocalDate.of(2025, 6, 30));
        assertTrue(beforeTheMerger.mayWrite(agencyOf("27", null)));
    }

    @Test
    void anAgencyRoleNeedsItsAgencyAndIsNeverWidenedToAProvince() {
        Scope noAgency = scope(Roles.VIEWER, null, "24");
        ProblemException e = assertThrows(ProblemException.class, noAgency::rows);
        assertEquals(403, e.status());
        assertEquals("agency_id", e.extensions().get("claim"));
        assertFalse(noAgency.mayRead(BAC_GIANG_DEPT));

        Scope officer = scope(Roles.ISO_OFFICER, BAC_GIANG_DEPT.id().toString(), "24");
        assertTrue(officer.mayWrite(BAC_GIANG_DEPT));
        assertFalse(officer.mayRead(agencyOf("24", null)));
        assertEquals(403, assertThrows(ProblemException.class, () -> officer.requireProvinceRead("24")).status());
    }

    @Test
    void anEndedAgencysOfficialsReadButNoLongerWrite() {
        Scope officer = scope(Roles.ISO_OFFICER, OLD_BAC_NINH_DEPT.id().toString(), "27");
        assertTrue(officer.mayRead(OLD_BAC_NINH_DEPT));
        assertFalse(officer.mayWrite(OLD_BAC_NINH_DEPT));
        assertEquals(403, assertThrows(ProblemException.class, () -> officer.requireWrite(OLD_BAC_NINH_DEPT)).status());
    }

    @Test
    void claimsThatDisagreeGiveNothing() {
        Scope s = scope(Roles.AGENCY_HEAD, NINH_BINH_DEPT.id().toString(), "24");
        assertFalse(s.mayRead(NINH_BINH_DEPT));
        Scope malformed = scope(Roles.AGENCY_HEAD, "not-a-uuid", "24");
        assertThrows(ProblemException.class, malformed::rows);
    }

    @Test
    void integrationReadsItsProvinceAndWritesNoAgency() {
        Scope s = scope(Roles.INTEGRATION, null, "24");
        assertTrue(s.mayRead(BAC_GIANG_DEPT));
        assertFalse(s.mayWrite(BAC_GIANG_DEPT));
        assertFalse(s.mayRead(NINH_BINH_DEPT));
        assertThrows(ProblemException.class, () -> scope(Roles.INTEGRATION, null, null).rows());
    }

    @Test
    void centralCodeIsNoProvince() {
        assertThrows(ProblemException.class, () -> scope(Roles.PROVINCE_ADMIN, null, AgencyRef.CENTRAL).rows());
        assertFalse(scope(Roles.PROVINCE_ADMIN, null, AgencyRef.CENTRAL).mayRead(UNIT_OF_A));
    }

    @Test
    void aFilterWritesOneConditionForJpqlAndSql() {
        AgencyFilter f = AgencyFilter.provinces(Set.of("24"));
        assertEquals("a.provinceCode in :scopeProvinces", f.jpql("a"));
        List<Object> args = AgencyFilter.arguments(2026);
        assertEquals("a.province_code = any($2)", f.sqlAppending("a", args));
        assertEquals(2, args.size());
        assertEquals("true", AgencyFilter.everything().sqlAppending("a", args));
    }
}
