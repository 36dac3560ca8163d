package vn.govqms.scoring.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.outbox.OutgoingEvent;
import vn.govqms.scoring.criteria.CriteriaSet;
import vn.govqms.scoring.criteria.CriteriaSetQueries;
import vn.govqms.scoring.criteria.Scoring;
import vn.govqms.scoring.indicator.IndicatorRepository;
import vn.govqms.scoring.indicator.Indicators;
import vn.govqms.scoring.objective.Objectives;
import vn.govqms.kit.outbox.Outbox;
import vn.govqms.scoring.support.Topics;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The live score of agencies: the active criteria set of each agency's province applied to its current
 * indicators and its latest manual points (from its latest finalised assessment, official before self).
 * Recomputed, set-based, in the transaction of whatever moved it; {@code score.changed} is published
 * when the band changes (or first appears).
 */
@ApplicationScoped
public class ScoreRecomputation {

    private static final String MANUAL_POINTS = """
            select distinct on (agency_id) agency_id, items::text as items from assessment
            where agency_id = any($1) and status = 'FINALISED' and year <= $2
            order by agency_id, (kind = 'OFFICIAL') desc, year desc, finalised_at desc""";

    private static final String UPSERT = """
            insert into live_score (agency_id, year, province_code, criteria_set_id, score, band, band_label, criteria, cause, updated_at)
            select a, $2, p, s, sc, b, bl, c, cause, $4
            from unnest($1::uuid[], $5::text[], $6::uuid[], $7::numeric[], $8::text[], $9::text[], $10::text[], $3::text[])
                as x(a, p, s, sc, b, bl, c, cause)
            on conflict (agency_id, year) do update set province_code = excluded.province_code, criteria_set_id = excluded.criteria_set_id,
                score = excluded.score, band = excluded.band, band_label = excluded.band_label, criteria = excluded.criteria,
                cause = excluded.cause, updated_at = excluded.updated_at""";

    @Inject CriteriaSetQueries sets;
    @Inject IndicatorRepository indicators;
    @Inject Objectives objectives;
    @Inject Outbox outbox;
    @Inject ObjectMapper json;
    @Inject Clock clock;

    public int currentYear() {
        return LocalDate.now(clock).getYear();
    }

    /** Recomputes the current year and, when different, {@code eventYear} too. */
    public Uni<Void> recomputeAfterEvent(SqlConnection tx, UUID agency, Integer eventYear, String cause) {
        int now = currentYear();
        Uni<Void> current = recompute(tx, List.of(agency), now, cause);
        if (eventYear == null || eventYear == now) {
            return current;
        }
        return current.chain(() -> recompute(tx, List.of(agency), eventYear, cause));
    }

    /** Every agency of a province (null: every agency) for the current year, e.g. when a criteria set is activated. */
    public Uni<Void> recomputeProvince(SqlConnection tx, String provinceCode, String cause) {
        String sql = provinceCode == null ? "select id from agency_directory where $1::text is null"
                : "select id from agency_directory where province_code = $1";
        return tx.preparedQuery(sql).execute(Tuple.of(provinceCode)).chain(rows -> {
            List<UUID> ids = new ArrayList<>();
            rows.forEach(r -> ids.add(r.getUUID(0)));
            return recompute(tx, ids, currentYear(), cause);
        });
    }

    /**
     * Every recomputation locks its agencies' directory rows, in id order, before it reads indicators, so two transactions
     * moving one agency (two consumers, or an event and a first read of the score) recompute one after the other and the
     * later sees the earlier's indicators; without it the last to commit could leave a score computed from old values.
     * A transaction that recomputes several years calls this first: it locks all their agencies at once, so that lock
     * order never crosses between years.
     */
    public Uni<Void> lock(SqlConnection tx, Collection<? extends Collection<UUID>> agenciesByYear) {
        if (agenciesByYear.size() < 2) {
            return Uni.createFrom().voidItem(); // one year's recomputation locks its agencies in order itself
        }
        UUID[] ids = agenciesByYear.stream().flatMap(Collection::stream).distinct().toArray(UUID[]::new);
        return tx.preparedQuery("select 1 from agency_directory where id = any($1) order by id for no key update")
                .execute(Tuple.of(ids)).replaceWithVoid();
    }

    public Uni<Void> recompute(SqlConnection tx, Collection<UUID> agencyIds, int year, String cause) {
        return recompute(tx, agencyIds, year, agency -> cause);
    }

    /** Several agencies at once, each with its own cause (the event that moved it last). */
    public Uni<Void> recompute(SqlConnection tx, Map<UUID, String> causeByAgency, int year) {
        return recompute(tx, causeByAgency.keySet(), year, causeByAgency::get);
    }

    private Uni<Void> recompute(SqlConnection tx, Collection<UUID> agencyIds, int year, Function<UUID, String> cause) {
        if (agencyIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] ids = agencyIds.stream().distinct().toArray(UUID[]::new);
        // an agency that ended in a merger or split has no live score any more, whatever event still names it; the agencies'
        // rows are locked (see lock) before their indicators are read
        return tx.preparedQuery("select d.id, d.province_code from agency_directory d where d.id = any($1) "
                        + "and not exists (select 1 from agency_succession s where s.predecessor_id = d.id) order by d.id for no key update of d")
                .execute(Tuple.of(ids))
                .chain(rows -> {
                    Map<UUID, String> province = new HashMap<>();
                    rows.forEach(r -> province.put(r.getUUID(0), r.getString(1)));
                    if (province.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    // rows written in id order: two recomputations of overlapping agencies wait on each other, never deadlock
                    List<UUID> known = new ArrayList<>(province.keySet());
                    known.sort(null);
                    return sets.activeFor(tx, province.values().stream().distinct().toList(), year)
                            .chain(active -> indicators.forAgencies(tx, known, year)
                                    .chain(ind -> manualPoints(tx, known, year)
                                            .chain(manual -> previous(tx, known, year)
                                                    .chain(prev -> store(tx, known, year, province, active, ind, manual, prev, cause))
                                                    .chain(() -> objectives.recompute(tx, ind, year)))));
                });
    }

    private Uni<Map<UUID, Map<String, BigDecimal>>> manualPoints(SqlConnection tx, List<UUID> agencies, int year) {
        return tx.preparedQuery(MANUAL_POINTS).execute(Tuple.of(agencies.toArray(new UUID[0]), year)).map(rows -> {
            Map<UUID, Map<String, BigDecimal>> out = new HashMap<>();
            for (Row r : rows) {
                out.put(r.getUUID("agency_id"), points(r.getString("items")));
            }
            return out;
        });
    }

    /** Criterion code → points of an assessment's items JSON. */
    public Map<String, BigDecimal> points(String items) {
        Map<String, BigDecimal> out = new HashMap<>();
        try {
            for (JsonNode item : json.readTree(items)) {
                JsonNode p = item.get("points");
                if (p != null && !p.isNull()) {
                    out.put(item.get("criterionCode").asText(), p.decimalValue());
                }
            }
        } catch (Exception e) {
            Log.warnf("unreadable assessment items: %s", e.getMessage());
        }
        return out;
    }

    private record Previous(BigDecimal score, String band, UUID set, String province, String criteria) {

        /** The same score, band and per-criterion detail under the same set: nothing to write (the cause and time stay). */
        boolean same(BigDecimal newScore, String newBand, UUID newSet, String newProvince, String newCriteria) {
            return score.compareTo(newScore) == 0 && band.equals(newBand) && set.equals(newSet) && province.equals(newProvince)
                    && criteria.equals(newCriteria);
        }
    }

    private Uni<Map<UUID, Previous>> previous(SqlConnection tx, List<UUID> agencies, int year) {
        return tx.preparedQuery("select agency_id, score, band, criteria_set_id, province_code, criteria from live_score "
                        + "where agency_id = any($1) and year = $2")
                .execute(Tuple.of(agencies.toArray(new UUID[0]), year)).map(rows -> {
                    Map<UUID, Previous> out = new HashMap<>();
                    rows.forEach(r -> out.put(r.getUUID(0), new Previous(r.getBigDecimal(1), r.getString(2), r.getUUID(3), r.getString(4),
                            r.getString(5))));
                    return out;
                });
    }

    private Uni<Void> store(SqlConnection tx, List<UUID> agencies, int year, Map<UUID, String> province, Map<String, CriteriaSet> active,
                            Map<UUID, Indicators> ind, Map<UUID, Map<String, BigDecimal>> manual, Map<UUID, Previous> prev,
                            Function<UUID, String> cause) {
        List<UUID> a = new ArrayList<>();
        List<String> p = new ArrayList<>();
        List<UUID> s = new ArrayList<>();
        List<BigDecimal> sc = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<String> bl = new ArrayList<>();
        List<String> c = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        List<OutgoingEvent> events = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (UUID agency : agencies) {
            CriteriaSet set = active.get(province.get(agency));
            if (set == null) {
                continue;
            }
            Scoring.Scored scored = Scoring.apply(set.definition,
                    ind.getOrDefault(agency, Indicators.empty(agency, year)), manual.getOrDefault(agency, Map.of()));
            String criteria = write(scored.criteria());
            Previous before = prev.get(agency);
            // most recomputations after a dossier batch change nothing: no write, no new row version
            if (before != null && before.same(scored.total(), scored.band().code(), set.id, province.get(agency), criteria)) {
                continue;
            }
            a.add(agency);
            p.add(province.get(agency));
            s.add(set.id);
            sc.add(scored.total());
            b.add(scored.band().code());
            bl.add(scored.band().label());
            c.add(criteria);
            causes.add(cause.apply(agency));
            if (before == null || !before.band().equals(scored.band().code())) {
                events.add(OutgoingEvent.of(Topics.SCORING, agency.toString(), ScoreEvents.SCORE_CHANGED, "agencies/" + agency + "/score",
                        now, new ScoreEvents.ScoreChanged(agency, province.get(agency), year, before == null ? null : before.score(),
                                scored.total(), before == null ? null : before.band(), scored.band().code(), scored.band().label(), cause.apply(agency))));
            }
        }
        if (a.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return tx.preparedQuery(UPSERT).execute(Tuple.from(new Object[] {a.toArray(new UUID[0]), year, causes.toArray(new String[0]), now,
                        p.toArray(new String[0]), s.toArray(new UUID[0]), sc.toArray(new BigDecimal[0]), b.toArray(new String[0]),
                        bl.toArray(new String[0]), c.toArray(new String[0])}))
                .chain(() -> outbox.publishAll(tx, events));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not serialisable: " + e.getMessage(), e);
        }
    }
}
