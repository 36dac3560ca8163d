package vn.govqms.kit.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import vn.govqms.kit.paging.Page;
import vn.govqms.kit.sync.Changes;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule of conditional reads: which answers are tagged, and when If-None-Match means "your copy is current". */
class ConditionalGetTest {

    @Test
    void ifNoneMatchHitsTheCurrentTagInAnyOfItsSpellings() {
        EntityTag three = ETags.of(3);
        assertTrue(ETags.noneMatchHits("\"3\"", three));
        assertTrue(ETags.noneMatchHits("W/\"3\"", three), "If-None-Match compares weakly (RFC 9110 13.1.2)");
        assertTrue(ETags.noneMatchHits("\"1\", \"3\"", three));
        assertTrue(ETags.noneMatchHits("*", three));
        assertFalse(ETags.noneMatchHits("\"2\"", three));
        assertFalse(ETags.noneMatchHits("\"33\"", three));
        assertFalse(ETags.noneMatchHits(null, three));
        assertFalse(ETags.noneMatchHits(" ", three));
    }

    @Test
    void aContentTagIsStrongAndFollowsTheBytes() {
        byte[] one = "{\"ten\":\"Sở Khoa học và Công nghệ\"}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"ten\":\"Sở Nội vụ\"}".getBytes(StandardCharsets.UTF_8);
        EntityTag tag = ETags.ofContent(one);
        assertFalse(tag.isWeak());
        assertEquals(tag, ETags.ofContent(one.clone()));
        assertNotEquals(tag, ETags.ofContent(other));
        assertTrue(ETags.noneMatchHits("\"" + tag.getValue() + "\"", tag));
    }

    @Test
    void onlyOneJsonObjectIsTagged() {
        record View(String name) {
        }
        assertTrue(ConditionalGet.taggable(new View("Sở Tư pháp"), MediaType.APPLICATION_JSON_TYPE));
        assertTrue(ConditionalGet.taggable(Map.of("total", 4), null));
        assertTrue(ConditionalGet.taggable(new View("x"), MediaType.valueOf("application/problem+json")));
        assertFalse(ConditionalGet.taggable(new Page<>(List.of(), 0, 20, 0), MediaType.APPLICATION_JSON_TYPE));
        assertFalse(ConditionalGet.taggable(List.of(new View("x")), MediaType.APPLICATION_JSON_TYPE));
        assertFalse(ConditionalGet.taggable(new Changes<>(List.of(), "MXwwfDB8", false), MediaType.APPLICATION_JSON_TYPE));
        assertFalse(ConditionalGet.taggable(new byte[]{1}, MediaType.APPLICATION_OCTET_STREAM_TYPE));
        assertFalse(ConditionalGet.taggable("mã;tên", MediaType.valueOf("text/csv")));
        assertFalse(ConditionalGet.taggable(new View("x"), MediaType.valueOf("text/csv")));
        assertFalse(ConditionalGet.taggable(null, MediaType.APPLICATION_JSON_TYPE));
    }
}
