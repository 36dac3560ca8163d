package vn.govqms.local.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Province mergers of the reorganisation of 1 July 2025, recorded by the national level in
 * document-service's province register: the merged province keeps one of the codes, the others end the day
 * before and are continued by it.
 */
final class Provinces {

    /** Provinces {@code sourceCodes} become province {@code code} ({@code name}) from {@code effectiveDate}. */
    record Merger(String code, String name, String effectiveDate, List<String> sourceCodes, String decision) {
    }

    /** Bắc Giang (24) and Bắc Ninh (27) become Bắc Ninh, which keeps code 24 (Resolution 202/2025/QH15). */
    static final Merger BAC_NINH = new Merger(BacGiang.PROVINCE, "Bắc Ninh", BacGiang.MERGED_ON, List.of(BacGiang.PROVINCE, BacNinh.PROVINCE),
            "202/2025/QH15");

    private Provinces() {
    }

    /**
     * Records the merger unless the register shows it already ({@code GET /api/v1/provinces/27}: continued by 24);
     * the same merger sent again (200) or another recorded into that code on that day (409) is taken as found.
     */
    static void ensure(Demo demo, Merger m) {
        String national = demo.national();
        if (recorded(demo, national, m)) {
            demo.count("province mergers", false);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", m.code());
        body.put("name", m.name());
        body.put("effectiveDate", m.effectiveDate());
        body.put("sourceCodes", m.sourceCodes());
        body.put("decision", m.decision());
        Rest.Answer a = demo.rest.post(demo.doc("/api/v1/province-mergers"), national, body, 200, 201, 409);
        demo.count("province mergers", a.status() == 201);
    }

    /** Whether the register shows every source other than the continuing province continued by it. */
    private static boolean recorded(Demo demo, String national, Merger m) {
        return m.sourceCodes().stream().filter(c -> !c.equals(m.code())).allMatch(c -> m.code().equals(
                demo.rest.find(demo.doc("/api/v1/provinces/" + c), national).path("successor").path("code").asText(null)));
    }
}
