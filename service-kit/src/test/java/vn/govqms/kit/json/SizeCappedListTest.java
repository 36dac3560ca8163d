package vn.govqms.kit.json;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Arrays are cut at their field's {@code @Size(max)} while read, at any depth; other JSON reads as before. */
class SizeCappedListTest {

    record Step(@NotNull String name) {
    }

    record Group(String name, @Size(max = 3) List<Step> steps) {
    }

    record Body(@Size(max = 2) List<Group> groups, @Size(max = 4) List<String> forms, List<String> free) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        new JsonSetup().customize(MAPPER);
    }

    static String items(String item, int n) {
        return String.join(",", Collections.nCopies(n, item));
    }

    @Test
    void listsUpToTheirCapAreReadWholeAndStringsStayNfc() throws Exception {
        Body body = MAPPER.readValue("""
                {"groups":[{"name":"Nhóm 1","steps":[%s]},{"name":"x","steps":[]}],"forms":[%s],"free":[%s]}"""
                .formatted(items("{\"name\":\"Tiếp nhận\"}", 3), items("\"Mẫu 01\"", 4), items("\"a\"", 10_000)), Body.class);
        assertEquals(3, body.groups().get(0).steps().size());
        assertEquals(4, body.forms().size());
        assertEquals(10_000, body.free().size());
        // "Tiếp nhận" sent decomposed (NFD) is stored composed
        Step nfd = MAPPER.readValue("{\"name\":\"Tie\u0302\u0301p nha\u0323\u0302n\"}", Step.class);
        assertEquals("Tiếp nhận", nfd.name());
    }

    @Test
    void oneItemTooManyIsRefusedWithTheFieldAndItsCap() {
        TooManyItemsException top = assertThrows(TooManyItemsException.class,
                () -> MAPPER.readValue("{\"forms\":[" + items("\"a\"", 5) + "]}", Body.class));
        assertEquals(4, top.max());
        assertEquals("forms", top.getPath().get(0).getFieldName());
        assertEquals(1, top.getPath().size());

        TooManyItemsException nested = assertThrows(TooManyItemsException.class, () -> MAPPER.readValue(
                "{\"groups\":[{\"name\":\"a\",\"steps\":[]},{\"name\":\"b\",\"steps\":[" + items("{}", 200_000) + "]}]}", Body.class));
        assertEquals(3, nested.max());
        assertEquals(List.of("groups", "1", "steps"), nested.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())).toList());
    }

    @Test
    void otherMistakesInsideACappedListAreReportedAsBefore() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> MAPPER.readValue("{\"groups\":[{\"name\":\"a\",\"steps\":[{\"name\":1}]}]}", Body.class));
        assertEquals(List.of("groups", "0", "steps", "0", "name"), e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex())).toList());
    }
}
