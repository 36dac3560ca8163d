package vn.govqms.kit.sync;

import org.junit.jupiter.api.Test;
import vn.govqms.kit.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncFeedTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-07T09:15:30.123456789+07:00");

    @Test
    void aTokenComesBackAsItWentToTheMicrosecond() {
        SyncToken token = new SyncToken(T, "5b7d0c1e-5a7f-4d6e-9f0a-1c2b3d4e5f60");
        SyncToken back = SyncToken.decode(token.encode());
        assertEquals(T.toInstant().minusNanos(789), back.at().toInstant());
        assertEquals(token.id(), back.id());
        assertEquals(SyncToken.START, SyncToken.decode(SyncToken.START.encode()));
        assertNull(SyncToken.decode(null));
        assertNull(SyncToken.decode(" "));
    }

    @Test
    void aTokenThatIsNotOursIsRefused() {
        for (String wrong : List.of("không phải", "MnwxfDJ8Mw", "%%%")) {
            ProblemException e = assertThrows(ProblemException.class, () -> SyncToken.decode(wrong));
            assertEquals(400, e.status());
        }
    }

    @Test
    void aPageTakesAtMostItsSizeAndTheTokenFollowsTheLastChange() {
        List<SyncFeed.Key> keys = List.of(new SyncFeed.Key("a", T, false), new SyncFeed.Key("b", T.plusSeconds(1), true),
                new SyncFeed.Key("c", T.plusSeconds(2), false));
        Changes<String> page = SyncFeed.page(keys, Map.of("a", "Quy trình A", "c", "Quy trình C"), null, 2);
        assertEquals(2, page.changes().size());
        assertEquals("Quy trình A", page.changes().get(0).item());
        assertTrue(page.changes().get(1).deleted());
        assertNull(page.changes().get(1).item());
        assertTrue(page.more());
        assertEquals(new SyncToken(T.plusSeconds(1), "b"), SyncToken.decode(page.next()));

        Changes<String> none = SyncFeed.page(List.of(), Map.of(), new SyncToken(T, "c"), 2);
        assertFalse(none.more());
        assertEquals(new SyncToken(T, "c"), SyncToken.decode(none.next()), "nothing changed: the same place");
        // a live row that vanished between the page and its items is left out; its tombstone follows
        assertEquals(List.of(), SyncFeed.page(List.of(new SyncFeed.Key("x", T, false)), Map.of(), null, 5).changes());
    }
}
