package vn.govqms.local.demo;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A year of one-stop-shop dossiers as the province's one-stop system reports them (role integration):
 * received, then resolved, most on time, some late and a part of those with an apology slip. The same
 * dossiers on every load (a fixed seed), so a second load only finds duplicates.
 */
final class Dossiers {

    /** Dossiers of one TTHC at one agency: how many, and the share resolved late. */
    record Flow(String agencyCode, String tthcCode, int processingDays, int dossiers, double late) {
    }

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    private static final int BATCH = 4000;

    private Dossiers() {
    }

    static void load(Demo demo, String province, List<Flow> flows, LocalDate from, LocalDate to) {
        List<Map<String, Object>> events = new ArrayList<>();
        flows.forEach(f -> events.addAll(events(f, from, to)));
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int i = 0; i < events.size(); i += BATCH) {
            batches.add(events.subList(i, Math.min(events.size(), i + BATCH)));
        }
        String token = demo.integration(province);
        demo.each(batches, batch -> {
            JsonNode r = demo.rest.post(demo.scoring("/api/v1/dossier-events"), token, Map.of("items", batch), 200).body();
            if (r.path("rejected").asInt() > 0) {
                throw new IllegalStateException("scoring-service refused " + r.path("rejected").asInt() + " dossier events: " + r.path("errors"));
            }
            demo.count("dossier events", true, r.path("accepted").asInt());
            demo.count("dossier events", false, r.path("duplicates").asInt());
        });
    }

    private static List<Map<String, Object>> events(Flow f, LocalDate from, LocalDate to) {
        Random rnd = new Random((f.agencyCode() + f.tthcCode()).hashCode());
        int span = (int) (to.toEpochDay() - from.toEpochDay()) - 14;
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < f.dossiers(); i++) {
            days.add(workingDay(from.plusDays(rnd.nextInt(span))));
        }
        days.sort(null);
        Map<LocalDate, Integer> perDay = new HashMap<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (LocalDate day : days) {
            String code = f.agencyCode() + "-" + DAY.format(day) + "-" + String.format("%04d", perDay.merge(day, 1, Integer::sum));
            LocalDateTime received = day.atTime(7, 30).plusMinutes(rnd.nextInt(540));
            LocalDateTime due = plusWorkingDays(day, f.processingDays()).atTime(17, 0);
            LocalDateTime resolved;
            LocalDateTime apology = null;
            if (rnd.nextDouble() < f.late()) {
                resolved = plusWorkingDays(due.toLocalDate(), 1 + rnd.nextInt(4)).atTime(8, 0).plusMinutes(rnd.nextInt(480));
                if (rnd.nextDouble() < 0.6) {
                    apology = plusWorkingDays(due.toLocalDate(), 5).atTime(17, 0);
                }
            } else {
                int k = rnd.nextInt(f.processingDays() + 1);
                resolved = k == 0 ? received.plusMinutes(30 + rnd.nextInt(120))
                        : plusWorkingDays(day, k).atTime(8, 0).plusMinutes(rnd.nextInt(480));
                if (resolved.isAfter(due)) {
                    resolved = due.minusMinutes(15);
                }
            }
            double r = rnd.nextDouble();
            String channel = r < 0.6 ? "ONLINE" : r < 0.95 ? "DIRECT" : "POST";
            Map<String, Object> in = new LinkedHashMap<>();
            in.put("dossierCode", code);
            in.put("agencyCode", f.agencyCode());
            in.put("tthcCode", f.tthcCode());
            in.put("channel", channel);
            in.put("status", "RECEIVED");
            in.put("occurredAt", at(received));
            in.put("dueAt", at(due));
            out.add(in);
            Map<String, Object> done = new LinkedHashMap<>(in);
            done.put("status", "RESOLVED");
            done.put("occurredAt", at(resolved));
            done.put("receivedAt", at(received));
            done.put("resolvedAt", at(resolved));
            if (apology != null) {
                done.put("apologyNewDueAt", at(apology));
            }
            out.add(done);
        }
        return out;
    }

    private static LocalDate workingDay(LocalDate d) {
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.plusDays(1);
        }
        return d;
    }

    private static LocalDate plusWorkingDays(LocalDate d, int n) {
        LocalDate x = d;
        for (int i = 0; i < n; i++) {
            x = workingDay(x.plusDays(1));
        }
        return x;
    }

    private static String at(LocalDateTime t) {
        return TIME.format(t.atOffset(VIETNAM));
    }
}
