package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Yearly ISO activity plans in audit-service: started from the legal template, the agency's own items
 * added by the ISO officer, approved by the head, and each activity recorded as done. A load resumes a
 * plan where an earlier one left it.
 */
final class Plans {

    /** An activity added to the template's: kind, title, planned date, the day it was done and the evidence. */
    record Item(String kind, String title, String planned, String done, String evidence) {
    }

    /** When a template activity (by kind) was done, and the evidence. */
    record Done(String date, String evidence) {
    }

    private Plans() {
    }

    /** Records an activity done (409: done already, by an earlier load). */
    private static void complete(Demo demo, String url, String token, Done done) {
        demo.rest.post(url, token, Map.of("doneDate", done.date(), "evidence", done.evidence()), 200, 409);
    }

    static void ensure(Demo demo, Agencies.Agency agency, int year, List<Item> extra, Map<String, Done> template) {
        String officer = demo.official("iso-officer", agency);
        JsonNode list = demo.rest.get(demo.audit("/api/v1/activity-plans" + Rest.query("agencyId", agency.id(), "year", year)), officer);
        JsonNode plan;
        if (list.path("items").size() > 0) {
            plan = demo.rest.get(demo.audit("/api/v1/activity-plans/" + list.path("items").get(0).path("id").asText()), officer);
            demo.count("activity plans", false);
        } else {
            plan = demo.rest.post(demo.audit("/api/v1/activity-plans"), officer, Map.of("agencyId", agency.id(), "year", year), 201).body();
            demo.count("activity plans", true);
        }
        String url = demo.audit("/api/v1/activity-plans/" + plan.path("id").asText());
        if (plan.path("status").asText().equals("DRAFT")) {
            Set<String> titles = new HashSet<>();
            plan.path("items").forEach(i -> titles.add(i.path("title").asText()));
            for (Item i : extra) {
                if (!titles.contains(i.title())) {
                    demo.rest.post(url + "/items", officer, Map.of("kind", i.kind(), "title", i.title(), "plannedDate", i.planned()), 201);
                }
            }
            plan = demo.rest.post(url + "/approval", demo.official("agency-head", agency), null, 200).body();
        }
        for (JsonNode i : plan.path("items")) {
            if (i.path("state").asText().equals("DONE")) {
                continue;
            }
            String title = i.path("title").asText();
            Done done = extra.stream().filter(x -> x.title().equals(title)).findFirst().map(x -> new Done(x.done(), x.evidence()))
                    .orElse(template.get(i.path("kind").asText()));
            if (done != null) {
                complete(demo, url + "/items/" + i.path("id").asText() + "/completion", officer, done);
            }
        }
    }
}
