package vn.govqms.kit.web;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ResponsesTest {

    record View(String id, long version) {
    }

    @Test
    void aCreateAnswers201AtItsAddressWithItsVersionAsETag() {
        View v = new View("c0ffee", 0);
        RestResponse<View> r = Responses.created("/api/v1/contacts/" + v.id(), v, v.version());
        assertEquals(201, r.getStatus());
        assertEquals("/api/v1/contacts/c0ffee", r.getLocation().toString());
        assertEquals("0", r.getEntityTag().getValue());
        assertEquals(v, r.getEntity());
    }

    @Test
    void aCreateOfWhatIsNotUpdatedWithIfMatchHasNoETag() {
        RestResponse<String> r = Responses.created("/api/v1/findings/f1", "f1");
        assertEquals(201, r.getStatus());
        assertNull(r.getEntityTag());
    }

    @Test
    void anUpdateAnswers200WithTheNewVersion() {
        RestResponse<View> r = Responses.tagged(new View("c0ffee", 3), 3);
        assertEquals(200, r.getStatus());
        assertEquals("3", r.getEntityTag().getValue());
    }
}
