package vn.govqms.local.demo;

import java.time.LocalDate;
import java.util.Map;

/** The head of an agency announces that its QMS conforms to TCVN ISO 9001 and tells the lead agency (Sở KH&CN). */
final class Announcements {

    private Announcements() {
    }

    /** Announces unless an announcement with that decision is on record (looked up only when the agency has announced before). */
    static void post(Demo demo, Agencies.Agency agency, String name, String decision, String date, String edition) {
        String url = demo.doc("/api/v1/agencies/" + agency.id() + "/announcements");
        String head = demo.official("agency-head", agency);
        boolean known = false;
        if ("ANNOUNCED".equals(agency.qmsStatus()) || agency.qmsStatus() == null) {
            for (var a : demo.rest.get(url, head)) {
                known |= decision.equals(a.path("decisionNumber").asText());
            }
        }
        if (!known) {
            String standard = edition.equals("ISO_9001_2015") ? "TCVN ISO 9001:2015" : "TCVN ISO 9001:2008";
            demo.rest.post(url, head, Map.of("decisionNumber", decision, "decisionDate", date, "standardEdition", edition,
                    "scope", "Toàn bộ hoạt động giải quyết thủ tục hành chính và hoạt động nội bộ của " + name + " theo " + standard,
                    "notifiedLeadAgencyOn", LocalDate.parse(date).plusDays(5).toString()), 201);
        }
        demo.count("QMS announcements", !known);
    }
}
