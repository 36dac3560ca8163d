package vn.govqms.scoring;

import org.junit.jupiter.api.Test;
import vn.govqms.scoring.criteria.Definition;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The band table classifies a score, with the side of each edge value part of the table. */
class BandTableTests {

    static Definition with(List<Definition.Band> bands) {
        return new Definition(List.of(), bands).withDefaults();
    }

    static String band(Definition d, String score) {
        return d.classify(new BigDecimal(score)).code();
    }

    @Test
    void theDefaultTableIsTheArticlesStrictlyAboveEachEdge() {
        // "trên 90 điểm rất tốt, trên 80 đến 90 tốt, trên 70 đến 80 khá, trên 50 đến 70 trung bình"
        Definition d = with(null);
        assertEquals("VERY_GOOD", band(d, "100"));
        assertEquals("VERY_GOOD", band(d, "90.01"));
        assertEquals("GOOD", band(d, "90"));
        assertEquals("GOOD", band(d, "80.01"));
        assertEquals("FAIR", band(d, "80"));
        assertEquals("AVERAGE", band(d, "70"));
        assertEquals("AVERAGE", band(d, "50.01"));
        assertEquals("WEAK", band(d, "50"));
        assertEquals("WEAK", band(d, "0"));
        assertEquals("Tốt", d.classify(new BigDecimal("90.00")).label());
        assertEquals("Khá", d.classify(new BigDecimal("80.00")).label());
        assertEquals("Trung bình", d.classify(new BigDecimal("70.00")).label());
        assertEquals("Yếu", d.classify(new BigDecimal("50.00")).label());
    }

    @Test
    void aTableStoredWithInclusiveEdgesKeepsThem() {
        // a set stored before the default changed, or a province that chose "từ 90 điểm": the edge is in the band above
        Definition d = with(List.of(new Definition.Band("VERY_GOOD", "Rất tốt", "Very good", new BigDecimal("90"), true),
                new Definition.Band("GOOD", "Tốt", "Good", new BigDecimal("80"), null),
                new Definition.Band("OTHER", "Chưa đạt", "Below", null, null)));
        assertEquals("VERY_GOOD", band(d, "90"));
        assertEquals("GOOD", band(d, "80"));
        assertEquals("OTHER", band(d, "79.99"));
    }

    @Test
    void anExclusiveEdgePutsTheEdgeValueInTheBandBelow() {
        Definition d = with(List.of(new Definition.Band("VERY_GOOD", "Rất tốt", "Very good", new BigDecimal("90"), false),
                new Definition.Band("GOOD", "Tốt", "Good", new BigDecimal("80"), false),
                new Definition.Band("OTHER", "Chưa đạt", "Below", null, null)));
        assertEquals("GOOD", band(d, "90"));
        assertEquals("VERY_GOOD", band(d, "90.01"));
        assertEquals("OTHER", band(d, "80"));
    }
}
