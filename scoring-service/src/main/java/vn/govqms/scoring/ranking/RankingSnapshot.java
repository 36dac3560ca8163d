package vn.govqms.scoring.ranking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.EntityTag;
import vn.govqms.kit.paging.PageRequest;
import vn.govqms.scoring.criteria.Definition;
import vn.govqms.scoring.ranking.RankingDtos.BandCount;
import vn.govqms.scoring.ranking.RankingDtos.Ranked;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole ranking as read at one version of its province: the agencies best first with their standard
 * competition rank (1, 2, 2, 4), each also serialized once, so that a page is a few byte copies.
 */
public final class RankingSnapshot {

    private static final byte[] COMMA = {','};

    private final RankingService.Query query;
    private final long version;
    private final List<Ranked> rows;
    private final byte[][] json;
    private final List<Definition.Band> bands;
    private final ObjectMapper mapper;
    /** Counted on first use (a race counts twice, to the same result). */
    private volatile RankingDtos.Distribution distribution;

    RankingSnapshot(RankingService.Query query, long version, List<Ranked> rows, List<Definition.Band> bands, ObjectMapper mapper) {
        this.query = query;
        this.version = version;
        this.rows = rows;
        this.bands = bands;
        this.mapper = mapper;
        this.json = new byte[rows.size()][];
        for (int i = 0; i < json.length; i++) {
            json[i] = write(rows.get(i));
        }
    }

    public long version() {
        return version;
    }

    public int size() {
        return rows.size();
    }

    /** Names what was read and when: equal for equal answers, on any replica (the version is the database's). */
    public EntityTag etag() {
        return new EntityTag(query.provinceCode() + "-" + (query.ministryId() == null ? "" : query.ministryId() + "-") + query.year() + "-"
                + query.source() + "-" + (query.criteriaSetId() == null ? "" : query.criteriaSetId() + "-") + version);
    }

    /** A page, best first, as the JSON of {@link RankingDtos.Ranking}. */
    public byte[] page(PageRequest page) {
        int from = (int) Math.min(rows.size(), (long) page.offset());
        int to = Math.min(rows.size(), from + page.size());
        List<Integer> indexes = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            indexes.add(i);
        }
        return serialize(indexes, page.page(), page.size());
    }

    /** The bottom {@code n}, lowest first (the same ranks, read from the end). */
    public byte[] bottom(int n) {
        List<Integer> indexes = new ArrayList<>(Math.min(n, rows.size()));
        for (int i = rows.size() - 1; i >= 0 && indexes.size() < n; i--) {
            indexes.add(i);
        }
        return serialize(indexes, 0, n);
    }

    /** The rows as a DTO (the spreadsheet export). */
    public RankingDtos.Ranking ranking(PageRequest page) {
        int from = (int) Math.min(rows.size(), (long) page.offset());
        int to = Math.min(rows.size(), from + page.size());
        return new RankingDtos.Ranking(query.provinceCode(), query.year(), query.source(), rows.subList(from, to), page.page(), page.size(),
                rows.size());
    }

    /**
     * Agencies per band in the order of the band table in force (bands nobody is in count 0; bands not in
     * the table, from an older set, follow), with shares from the counts to 2 decimals.
     */
    public RankingDtos.Distribution distribution() {
        RankingDtos.Distribution d = distribution;
        if (d == null) {
            d = distribution = countBands();
        }
        return d;
    }

    private RankingDtos.Distribution countBands() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Ranked r : rows) {
            counts.computeIfAbsent(r.band(), b -> new long[1])[0]++;
            labels.merge(r.band(), r.bandLabel() == null ? "" : r.bandLabel(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
        long total = rows.size();
        List<BandCount> out = new ArrayList<>();
        for (Definition.Band b : bands) {
            long[] c = counts.remove(b.code());
            out.add(c == null ? new BandCount(b.code(), b.label(), 0, BigDecimal.ZERO.setScale(2))
                    : new BandCount(b.code(), labels.get(b.code()), c[0], share(c[0], total)));
        }
        counts.forEach((band, c) -> out.add(new BandCount(band, labels.get(band), c[0], share(c[0], total))));
        return new RankingDtos.Distribution(query.provinceCode(), query.year(), query.source(), total, out);
    }

    private static BigDecimal share(long count, long total) {
        return BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /** The page's envelope is written by Jackson around no items; the items' bytes go between its brackets. */
    private byte[] serialize(List<Integer> indexes, int page, int size) {
        String shell = new String(write(new RankingDtos.Ranking(query.provinceCode(), query.year(), query.source(), List.of(), page, size,
                rows.size())), StandardCharsets.UTF_8);
        int at = shell.indexOf("\"items\":[]") + "\"items\":[".length();
        int length = shell.length();
        for (int i : indexes) {
            length += json[i].length + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length + 16);
        out.writeBytes(shell.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (int k = 0; k < indexes.size(); k++) {
            if (k > 0) {
                out.writeBytes(COMMA);
            }
            out.writeBytes(json[indexes.get(k)]);
        }
        out.writeBytes(shell.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ranking not serialisable: " + e.getMessage(), e);
        }
    }
}
