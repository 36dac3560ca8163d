package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agencies of the demo world in document-service: found by their electronic code, registered when
 * missing (parents first) by whoever registers them (a province's steering committee in its province; for
 * central bodies national-admin the ministry itself and the ministry's own ministry-admin its units), and
 * awaited in the other services, which learn them from {@code agency.registered}.
 */
final class Agencies {

    /** An agency to have: code (QCVN 102:2016 style), name, level, parent's code, validity. */
    record Spec(String code, String name, String level, String parentCode, String validFrom, String validTo) {
        Spec(String code, String name, String level) {
            this(code, name, level, null, null, null);
        }

        Spec under(String parent) {
            return new Spec(code, name, level, parent, validFrom, validTo);
        }
    }

    /** An agency as document-service describes it. */
    record Agency(String id, String code, String name, String level, String province, String parentId, String qmsStatus, long version,
                  String validTo) {
        static Agency of(JsonNode n) {
            return new Agency(n.path("id").asText(), n.path("code").asText(), n.path("name").asText(), n.path("level").asText(),
                    n.path("provinceCode").asText(), text(n.path("parentId")), text(n.path("qmsStatus")), n.path("version").asLong(),
                    text(n.path("validTo")));
        }

        private static String text(JsonNode n) {
            return n.isNull() || n.isMissingNode() ? null : n.asText();
        }

        boolean ended() {
            return validTo != null;
        }

        String etag() {
            return "\"" + version + "\"";
        }
    }

    private Agencies() {
    }

    /** Who reads a province's agencies: its steering committee; the national level for central bodies (every ministry). */
    static String reader(Demo demo, String province) {
        return Demo.CENTRAL.equals(province) ? demo.national() : demo.admin(province);
    }

    /** Every agency registered in a province, by code. */
    static Map<String, Agency> inProvince(Demo demo, String province) {
        Map<String, Agency> byCode = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode p = demo.rest.get(demo.doc("/api/v1/agencies" + Rest.query("provinceCode", province, "size", 200, "page", page)),
                    reader(demo, province));
            p.path("items").forEach(n -> byCode.put(n.path("code").asText(), Agency.of(n)));
            if ((long) (page + 1) * 200 >= p.path("total").asLong()) {
                return byCode;
            }
        }
    }

    /**
     * Registers the agencies of {@code specs} not registered yet, parents before their children, and
     * returns all of them by code; the ids registered now are added to {@code registered}.
     */
    static Map<String, Agency> ensure(Demo demo, String province, List<Spec> specs, List<String> registered) {
        Map<String, Agency> known = inProvince(demo, province);
        Map<String, Agency> wanted = new LinkedHashMap<>();
        List<Spec> todo = new ArrayList<>();
        for (Spec s : specs) {
            Agency a = known.get(s.code());
            if (a != null) {
                wanted.put(s.code(), a);
                demo.count("agencies", false);
            } else {
                todo.add(s);
            }
        }
        while (!todo.isEmpty()) {
            // a wave: those whose parent is known by now
            List<Spec> wave = todo.stream().filter(s -> s.parentCode() == null || wanted.containsKey(s.parentCode())
                    || known.containsKey(s.parentCode())).toList();
            if (wave.isEmpty()) {
                throw new IllegalStateException("parents missing for " + todo.stream().map(Spec::code).toList());
            }
            List<Agency> created = demo.map(wave, s -> register(demo, province, s, parent(s, wanted, known), wanted, known));
            for (Agency a : created) {
                wanted.put(a.code(), a);
                registered.add(a.id());
            }
            todo.removeAll(wave);
        }
        Map<String, Agency> ordered = new LinkedHashMap<>();
        specs.forEach(s -> ordered.put(s.code(), wanted.get(s.code())));
        return ordered;
    }

    private static Agency parent(Spec s, Map<String, Agency> wanted, Map<String, Agency> known) {
        if (s.parentCode() == null) {
            return null;
        }
        return Objects.requireNonNullElse(wanted.get(s.parentCode()), known.get(s.parentCode()));
    }

    /**
     * Who registers an agency: a province's steering committee in its province; a ministry (a central body
     * without a parent) the national level, a ministry's unit the ministry-admin of the tree's root.
     */
    private static String registrar(Demo demo, String province, Agency parent, Map<String, Agency> wanted, Map<String, Agency> known) {
        if (!Demo.CENTRAL.equals(province)) {
            return demo.admin(province);
        }
        if (parent == null) {
            return demo.national();
        }
        Map<String, Agency> byId = new HashMap<>();
        known.values().forEach(a -> byId.put(a.id(), a));
        wanted.values().forEach(a -> byId.put(a.id(), a));
        Agency root = parent;
        while (root.parentId() != null && byId.containsKey(root.parentId())) {
            root = byId.get(root.parentId());
        }
        return demo.ministryAdmin(root.id());
    }

    private static Agency register(Demo demo, String province, Spec s, Agency parent, Map<String, Agency> wanted, Map<String, Agency> known) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", s.code());
        body.put("name", s.name());
        body.put("level", s.level());
        body.put("parentId", parent == null ? null : parent.id());
        body.put("provinceCode", province);
        body.put("validFrom", s.validFrom());
        body.put("validTo", s.validTo());
        Rest.Answer a = demo.rest.post(demo.doc("/api/v1/agencies"), registrar(demo, province, parent, wanted, known), body, 201, 409);
        demo.count("agencies", a.status() == 201);
        if (a.status() == 409) {
            // registered meanwhile (another load running): read it back
            return inProvince(demo, province).get(s.code());
        }
        return Agency.of(a.body());
    }

    /**
     * Ends an agency on {@code lastDay} (its records then read-only), once what it did before is recorded: an agency
     * registered already ended could not record its own history.
     */
    static void end(Demo demo, String token, Agency a, String lastDay) {
        if (a.ended()) {
            demo.count("agencies ended", false);
            return;
        }
        String url = demo.doc("/api/v1/agencies/" + a.id());
        Rest.Answer now = demo.rest.call("GET", url, token, null, null, 200);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", now.body().path("name").asText());
        body.put("parentId", now.body().path("parentId").isNull() ? null : now.body().path("parentId").asText(null));
        body.put("validFrom", now.body().path("validFrom").isNull() ? null : now.body().path("validFrom").asText(null));
        body.put("validTo", lastDay);
        demo.rest.put(url, token, body, now.etag());
        demo.count("agencies ended", true);
    }

    /**
     * Waits until audit-, scoring- and notification-service know the agencies: they keep their
     * directory from document-service's events, and refuse what names an agency they do not know yet.
     */
    static void awaitKnown(Demo demo, String province, Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + 180_000_000_000L;
        String token = reader(demo, province);
        List<String> bases = List.of(demo.urls.audit(), demo.urls.scoring(), demo.urls.notification());
        demo.each(new ArrayList<>(ids), id -> {
            for (String base : bases) {
                while (demo.rest.find(base + "/api/v1/agencies/" + id, token).isMissingNode()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException(base + " has not learnt agency " + id + " after 3 minutes: is its consumer running?");
                    }
                    Demo.pause(200);
                }
            }
        });
    }
}
