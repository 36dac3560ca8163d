package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Quality objectives (mục tiêu chất lượng) measured by scoring-service from the agency's indicators. */
final class Objectives {

    private Objectives() {
    }

    /** An objective on the share of dossiers resolved on time, found by title or created. */
    static void ensure(Demo demo, Agencies.Agency agency, int year, String title, int target) {
        String officer = demo.official("iso-officer", agency);
        JsonNode page = demo.rest.get(demo.scoring("/api/v1/quality-objectives" + Rest.query("agencyId", agency.id(), "year", year, "size", 200)),
                officer);
        for (JsonNode n : page.path("items")) {
            if (title.equals(n.path("title").asText())) {
                demo.count("quality objectives", false);
                return;
            }
        }
        demo.rest.post(demo.scoring("/api/v1/quality-objectives"), officer, Map.of("agencyId", agency.id(), "year", year, "title", title,
                "kpi", "DOSSIER_ON_TIME_RATE", "comparison", "AT_LEAST", "target", target), 201);
        demo.count("quality objectives", true);
    }
}
