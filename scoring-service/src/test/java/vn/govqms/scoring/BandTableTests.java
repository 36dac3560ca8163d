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
    void theBacGiangTablePutsEachEdgeInTheBandAbove() {
        Definition d = with(null);
        assertEquals("VERY_GOOD", band(d, "90"));
        assertEquals("GOOD", band(d, "89.99"));
        assertEquals("GOOD", band(d, "80"));
        assertEquals("FAIR", band(d, "70"));
        assertEquals("AVERAGE", band(d, "50"));
        assertEquals("WEAK", band(d, "49.99"));
        assertEquals("WEAK", band(d, "0"));
        assertEquals("Rất tốt", d.classify(new BigDecimal("100")).label());
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
