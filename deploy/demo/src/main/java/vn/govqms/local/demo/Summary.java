package vn.govqms.local.demo;

import java.util.Map;

/** What the load printed at the end: what it created and found, and where to look, with curl lines to copy. */
final class Summary {

    private Summary() {
    }

    static void print(Demo demo, DemoLoader.Result r, String tokenCommand) {
        var out = demo.out;
        out.printf("%nDemo data loaded in %.1f s: %d created, %d found from an earlier load (%d HTTP calls, mean answer %.0f ms).%n%n",
                r.seconds(), r.created(), r.found(), demo.rest.calls(), demo.rest.meanMillis());
        out.printf("  %-36s %8s %8s%n", "", "created", "found");
        for (Map.Entry<String, int[]> e : r.tally().entrySet()) {
            out.printf("  %-36s %8d %8d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
        out.println();
        out.println("Where to look (Swagger UI at /q/swagger-ui of each service):");
        out.println("  " + demo.urls.document() + "/q/swagger-ui   " + demo.urls.audit() + "/q/swagger-ui   "
                + demo.urls.scoring() + "/q/swagger-ui   " + demo.urls.notification() + "/q/swagger-ui");
        out.println();
        String national = token(tokenCommand, "national-admin", null, null);
        out.println("  # the provinces' register: Bắc Ninh (27) continued by the merged Bắc Ninh (24) since 1 July 2025");
        out.println("  curl -H \"Authorization: Bearer " + national + "\" '" + demo.urls.document() + "/api/v1/provinces/27'");
        String bn = token(tokenCommand, "province-admin", "24", null);
        out.println("  # Bắc Giang's 2014 official scores: 43 agencies, 6/14/19/4 by band, shares from the counts");
        out.println("  curl -H \"Authorization: Bearer " + bn + "\" '" + demo.urls.scoring() + "/api/v1/rankings/distribution?year=2014'");
        out.println("  # announced 45 of 48 in 2015");
        out.println("  curl -H \"Authorization: Bearer " + bn + "\" '" + demo.urls.scoring() + "/api/v1/rankings/progress?year=2015'");
        Agencies.Agency khcn = demo.notes().get("Bắc Giang 2015");
        if (khcn != null) {
            out.println("  # " + khcn.name() + " and the Bắc Ninh department that continues it since 1 July 2025, with the former Bắc Ninh's");
            out.println("  curl -H \"Authorization: Bearer " + bn + "\" " + demo.urls.document() + "/api/v1/agencies/" + khcn.id() + "/lineage");
        }
        out.println("  # a year of one-stop-shop dossiers of the merged province (July 2025 - June 2026), some late");
        out.println("  curl -H \"Authorization: Bearer " + bn + "\" '" + demo.urls.scoring() + "/api/v1/kpis?from=2025-07-01&to=2026-06-30'");
        out.println("  # Ninh Bình's 2021 inspection: 22 on site, 18 through records, of 40");
        out.println("  curl -H \"Authorization: Bearer " + token(tokenCommand, "province-admin", "37", null) + "\" '"
                + demo.urls.audit() + "/api/v1/inspection-campaigns?year=2021'");
        Agencies.Agency board = demo.notes().get("Thái Nguyên 2016");
        if (board != null) {
            out.println("  # the documented system of " + board.name() + " (manual, policy, objectives, 14 procedures)");
            out.println("  curl -H \"Authorization: Bearer " + token(tokenCommand, "iso-officer", board.province(), board.id()) + "\" '"
                    + demo.urls.document() + "/api/v1/documents?agencyId=" + board.id() + "&size=50'");
        }
        Agencies.Agency ministry = demo.notes().get("Bộ TT&TT 2017");
        if (ministry != null) {
            out.println("  # the units of " + ministry.name() + ", as its own steering committee (ministry-admin) sees them");
            out.println("  curl -H \"Authorization: Bearer " + token(tokenCommand, "ministry-admin", null, ministry.id()) + "\" '"
                    + demo.urls.document() + "/api/v1/agencies?level=MINISTRY_UNIT&size=50'");
        }
        Agencies.Agency xd = demo.notes().get("Bắc Ninh 2025");
        if (xd != null) {
            out.println("  # the inbox of the agency " + xd.name() + " (its objective on dossiers is at risk)");
            out.println("  curl -H \"Authorization: Bearer " + token(tokenCommand, "agency-head", xd.province(), xd.id()) + "\" '"
                    + demo.urls.notification() + "/api/v1/notifications?agencyId=" + xd.id() + "'");
        }
        out.println();
    }

    /** The command a reader pastes: {@code deploy/local/token} with the role's options, or the token command. */
    private static String token(String tokenCommand, String role, String province, String agency) {
        String central = Demo.CENTRAL.equals(province) ? null : province;
        if (tokenCommand == null) {
            return "$(deploy/local/token " + role + (central == null ? "" : " --province " + central)
                    + (agency == null ? "" : " --agency " + agency) + ")";
        }
        return "$(" + tokenCommand + " " + role + " " + (central == null ? Tokens.NONE : central) + (agency == null ? "" : " " + agency) + ")";
    }
}
