package vn.govqms.kit.paging;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A list query's conditions: only the filters a request gives, each with exactly the parameters it names. */
class WhereTest {

    @Test
    void aFilterLeftOutAddsNeitherConditionNorParameter() {
        Where where = new Where().equal("year", null).holds(null, "dueDate < :today", Map.of("today", "2026-12-05"));
        assertEquals("", where.jpql());
        assertEquals(Map.of(), where.parameters().map());
    }

    @Test
    void givenFiltersAreJoinedWithAndAndAFalseWishIsNegated() {
        Where where = new Where().equal("auditId", "a-1").equal("status", "OPEN")
                .holds(false, "status in :active and dueDate < :today", Map.of("active", "OPEN", "today", "2026-12-05"))
                .add("agencyId in :agencies", Map.of("agencies", "x"));
        assertEquals("auditId = :auditId and status = :status and not (status in :active and dueDate < :today) "
                + "and agencyId in :agencies", where.jpql());
        assertEquals(Map.of("auditId", "a-1", "status", "OPEN", "active", "OPEN", "today", "2026-12-05", "agencies", "x"),
                where.parameters().map());
        assertEquals("(overdue)", new Where().holds(true, "overdue", Map.of()).jpql());
        Where aliased = new Where().equal("d.agencyId", "x");
        assertEquals("d.agencyId = :agencyId", aliased.jpql());
        assertEquals(Map.of("agencyId", "x"), aliased.parameters().map());
    }
}
