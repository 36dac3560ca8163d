package vn.govqms.scoring.live;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.govqms.kit.security.Scope;
import vn.govqms.scoring.criteria.Scoring;
import vn.govqms.scoring.indicator.IndicatorCode;
import vn.govqms.scoring.indicator.IndicatorRepository;
import vn.govqms.scoring.support.AgencyLookup;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads an agency's indicators and live score (computing the score the first time it is asked for), for who may read the agency. */
@ApplicationScoped
public class AgencyScoreService {

    private static final TypeReference<List<Scoring.CriterionScore>> CRITERIA = new TypeReference<>() {
    };

    @Inject Pool pool;
    @Inject AgencyLookup agencies;
    @Inject IndicatorRepository indicators;
    @Inject ScoreRecomputation scores;
    @Inject ObjectMapper json;
    @Inject Scope scope;

    public Uni<LiveDtos.IndicatorsView> indicators(UUID id, Integer year) {
        int y = year == null ? scores.currentYear() : year;
        return agencies.require(id).invoke(a -> scope.requireRead(a.ref())).chain(a -> indicators.forAgency(pool, id, y).chain(ind -> movedBy(id).map(moved -> {
            List<LiveDtos.IndicatorValue> values = new ArrayList<>();
            for (IndicatorCode c : IndicatorCode.values()) {
                values.add(new LiveDtos.IndicatorValue(c, c.label(), c.unit(), ind.get(c)));
            }
            return new LiveDtos.IndicatorsView(id, a.name(), y, values, moved);
        })));
    }

    public Uni<LiveDtos.ScoreView> score(UUID id, Integer year) {
        int y = year == null ? scores.currentYear() : year;
        return agencies.require(id).invoke(a -> scope.requireRead(a.ref())).chain(a -> stored(id, y)
                .chain(row -> row != null ? Uni.createFrom().item(row)
                        : pool.withTransaction(tx -> scores.recompute(tx, List.of(id), y, "requested")).chain(() -> stored(id, y)))
                .chain(row -> movedBy(id).map(moved -> row == null
                        ? new LiveDtos.ScoreView(id, a.name(), a.provinceCode(), y, null, null, null, null, List.of(), null, null, moved)
                        : new LiveDtos.ScoreView(id, a.name(), a.provinceCode(), y, row.getUUID("criteria_set_id"), row.getBigDecimal("score"),
                        row.getString("band"), row.getString("band_label"), criteria(row.getString("criteria")), row.getString("cause"),
                        row.getOffsetDateTime("updated_at"), moved))));
    }

    private Uni<Row> stored(UUID id, int year) {
        return pool.preparedQuery("select * from live_score where agency_id = $1 and year = $2").execute(Tuple.of(id, year))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    private Uni<List<LiveDtos.MovedBy>> movedBy(UUID agency) {
        return pool.preparedQuery("select event_id, type, occurred_at, received_at, summary from indicator_event where agency_id = $1 "
                + "order by id desc limit 10").execute(Tuple.of(agency)).map(rows -> {
                    List<LiveDtos.MovedBy> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new LiveDtos.MovedBy(r.getString(0), r.getString(1), r.getOffsetDateTime(2), r.getOffsetDateTime(3), r.getString(4)));
                    }
                    return out;
                });
    }

    private List<Scoring.CriterionScore> criteria(String text) {
        try {
            return json.readValue(text, CRITERIA);
        } catch (Exception e) {
            throw new IllegalStateException("stored live score unreadable: " + e.getMessage(), e);
        }
    }
}
