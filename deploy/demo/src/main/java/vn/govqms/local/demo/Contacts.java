package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import vn.govqms.local.demo.Agencies.Agency;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who notification-service tells: the head and the ISO officer of every agency of the demo provinces and
 * of the ministry, the members of each province's steering committee, and a webhook subscription of Bắc
 * Ninh's one-stop system.
 */
final class Contacts {

    /** The demo's provinces and the place name of their mail domains. */
    static final Map<String, String> PROVINCES = Map.of("24", "bacgiang", "27", "bacninh", "37", "ninhbinh", "11", "dienbien",
            "19", "thainguyen", Demo.CENTRAL, "mic");

    /**
     * Provinces' steering committee members named by the seeds (and one each where they name nobody); the
     * ministry's committee is its own ({@link Ministry}).
     */
    private static final List<String[]> STEERING = List.of(
            new String[] {"24", "Trần Văn Tuấn", "tuantv@skhcn.bacninh.gov.vn"},
            new String[] {"37", "Hoàng Trọng Lễ", "lehtr@skhcn.ninhbinh.gov.vn"},
            new String[] {"11", "Lò Văn Hùng", "hunglv@skhcn.dienbien.gov.vn"},
            new String[] {"19", "Đỗ Thị Thu Hà", "hadtt@skhcn.thainguyen.gov.vn"});

    /**
     * What Bắc Ninh's one-stop system hears about: what its REST reads show it (a one-stop-shop system may subscribe to
     * nothing else: scores, reviews and audit facts are the steering committee's): documents issued, announcements
     * and re-announcements due.
     */
    static final List<String> WEBHOOK_EVENTS = List.of("vn.govqms.document.document.issued.v1", "vn.govqms.document.qms.announced.v1",
            "vn.govqms.document.qms.reannouncement-required.v1");

    private Contacts() {
    }

    /**
     * The steering committees and the webhook subscription, before anything happens, so that they hear
     * of what the load does.
     */
    static void steeringAndWebhook(Demo demo, String webhookUrl) {
        demo.each(STEERING, s -> {
            Rest.Answer a = demo.rest.post(demo.notify("/api/v1/contacts"), demo.admin(s[0]),
                    contact(null, s[0], new People.Person(s[1], s[2], s[2]), null), 201, 409);
            demo.count("contacts", a.status() == 201);
        });
        if (webhookUrl != null) {
            webhook(demo, webhookUrl);
        }
    }

    /**
     * The head and the ISO officer of each agency, as soon as the agencies are known, so that they are
     * told of what happens to their agency next (heads read low-urgency mail in the daily digest). Listed
     * and written with {@code admin}: the province's steering committee, or the ministry's. An agency that has
     * ended was given its people by an earlier load, before it ended.
     */
    static void forAgencies(Demo demo, String admin, String province, Collection<Agency> agencies) {
        Set<String> known = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode p = demo.rest.get(demo.notify("/api/v1/contacts" + Rest.query("steeringCommittee", false, "size", 200, "page", page)), admin);
            p.path("items").forEach(n -> known.add(n.path("agencyId").asText("") + "|" + n.path("subject").asText()));
            if ((long) (page + 1) * 200 >= p.path("total").asLong()) {
                break;
            }
        }
        List<Map<String, Object>> wanted = new ArrayList<>();
        for (Agency a : agencies) {
            if (a.ended()) {
                // its people went to the successor with the merger (or it has nothing more to hear of): made by an earlier load
                demo.count("contacts", false, 2);
                continue;
            }
            List<People.Person> staff = People.staff(a.code(), a.name(), place(a, province));
            wanted.add(contact(a.id(), null, staff.get(0), "HEAD"));
            wanted.add(contact(a.id(), null, staff.get(1), "ISO_OFFICER"));
        }
        List<Map<String, Object>> todo = wanted.stream()
                .filter(c -> !known.contains(c.get("agencyId") + "|" + c.get("subject"))).toList();
        demo.count("contacts", false, wanted.size() - todo.size());
        demo.each(todo, c -> {
            Rest.Answer a = demo.rest.post(demo.notify("/api/v1/contacts"), admin, c, 201, 409);
            demo.count("contacts", a.status() == 201);
        });
    }

    /** Bắc Ninh names replace Bắc Giang's in the domains of the merged province's agencies. */
    private static String place(Agency a, String province) {
        if (a.name().contains("Bắc Ninh") || a.level().equals("WARD") || a.level().equals("COMMUNE") && province.equals(BacGiang.PROVINCE)) {
            return "bacninh";
        }
        return PROVINCES.get(province);
    }

    /** A person of an agency with one role (null: none), or (no agency) a member of a province's steering committee. */
    static Map<String, Object> contact(String agencyId, String province, People.Person p, String role) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (agencyId != null) {
            c.put("agencyId", agencyId);
        } else {
            c.put("provinceCode", province);
        }
        c.put("subject", p.subject());
        c.put("name", p.name());
        c.put("email", p.email());
        c.put("language", "vi");
        if (role != null) {
            c.put("roles", List.of(role));
            c.put("digest", role.equals("HEAD"));
        }
        return c;
    }

    private static void webhook(Demo demo, String url) {
        String token = demo.integration(BacGiang.PROVINCE);
        JsonNode list = demo.rest.get(demo.notify("/api/v1/webhooks" + Rest.query("size", 200)), token);
        for (JsonNode w : list.path("items")) {
            if (url.equals(w.path("url").asText())) {
                demo.count("webhook subscriptions", false);
                return;
            }
        }
        demo.rest.post(demo.notify("/api/v1/webhooks"), token, Map.of("url", url, "eventTypes", WEBHOOK_EVENTS,
                "description", "Hệ thống thông tin giải quyết TTHC tỉnh Bắc Ninh (bản demo, máy cục bộ)"), 201);
        demo.count("webhook subscriptions", true);
    }
}
