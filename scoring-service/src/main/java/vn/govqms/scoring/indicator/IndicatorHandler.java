package vn.govqms.scoring.indicator;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import vn.govqms.kit.events.EventHandler;
import vn.govqms.kit.events.ReceivedEvent;
import vn.govqms.scoring.live.ScoreRecomputation;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What the indicator handlers share: each event changes the tracking tables in its own statements, in order; a run of
 * events is then logged in one statement and the agencies it moved are recomputed once, not once per event (a decree
 * amendment brings thousands of review events for a few hundred agencies).
 */
abstract class IndicatorHandler implements EventHandler {

    /**
     * An agency whose indicators an event moved, the year it concerns (null: the current year only) and the log line; an event
     * moving two years of an agency names it twice with the same line.
     */
    record Moved(UUID agency, Integer year, String summary) {
    }

    protected final IndicatorLog log;
    protected final ScoreRecomputation scores;
    private final Clock clock;
    private final Set<String> types;

    /** A handler of the event types named. */
    protected IndicatorHandler(IndicatorLog log, ScoreRecomputation scores, Clock clock, String... types) {
        this.log = log;
        this.scores = scores;
        this.clock = clock;
        this.types = Set.of(types);
    }

    @Override
    public Set<String> eventTypes() {
        return types;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** Applies one event to the tracking tables; returns the agencies it moved. */
    abstract Uni<List<Moved>> change(ReceivedEvent event, SqlConnection tx);

    @Override
    public Uni<Void> apply(ReceivedEvent event, SqlConnection tx) {
        return applyAll(List.of(event), tx);
    }

    @Override
    public Uni<Void> applyAll(List<ReceivedEvent> events, SqlConnection tx) {
        List<IndicatorLog.Line> lines = new ArrayList<>();
        // per year, per agency the type of the last event that moved it (the live score's cause)
        Map<Integer, Map<UUID, String>> touched = new TreeMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        // consecutive events of one type are changed together (order between types kept)
        for (List<ReceivedEvent> run : EventHandler.runsOfOneType(events)) {
            chain = chain.chain(() -> changeAll(run, tx)).invoke(moved -> {
                int now = scores.currentYear();
                for (int i = 0; i < run.size(); i++) {
                    ReceivedEvent event = run.get(i);
                    for (Moved m : moved.get(i)) {
                        IndicatorLog.Line line = new IndicatorLog.Line(m.agency(), event, m.summary().trim());
                        // an event that moved two years of one agency is one line of its log
                        if (lines.isEmpty() || !lines.get(lines.size() - 1).equals(line)) {
                            lines.add(line);
                        }
                        touched.computeIfAbsent(now, y -> new LinkedHashMap<>()).put(m.agency(), event.type());
                        if (m.year() != null && m.year() != now) {
                            touched.computeIfAbsent(m.year(), y -> new LinkedHashMap<>()).put(m.agency(), event.type());
                        }
                    }
                }
            }).replaceWithVoid();
        }
        return chain.chain(() -> log.addAll(tx, logged(lines))).chain(() -> recompute(tx, touched));
    }

    /** The run's log lines as they are kept; a handler may condense them (a change's fan-out: one line per agency). */
    List<IndicatorLog.Line> logged(List<IndicatorLog.Line> lines) {
        return lines;
    }

    /**
     * Applies consecutive events of one type; returns, per event, the agencies it moved. One statement per event
     * unless a handler overrides it with a set-based one for the types that come in thousands.
     */
    Uni<List<List<Moved>>> changeAll(List<ReceivedEvent> sameType, SqlConnection tx) {
        List<List<Moved>> out = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReceivedEvent e : sameType) {
            chain = chain.chain(() -> change(e, tx)).invoke(out::add).replaceWithVoid();
        }
        return chain.replaceWith(out);
    }

    private Uni<Void> recompute(SqlConnection tx, Map<Integer, Map<UUID, String>> touched) {
        Uni<Void> chain = scores.lock(tx, touched.values().stream().map(Map::keySet).toList());
        for (var year : touched.entrySet()) {
            chain = chain.chain(() -> scores.recompute(tx, year.getValue(), year.getKey()));
        }
        return chain;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
