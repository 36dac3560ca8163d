package vn.govqms.scoring.ranking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.scoring.criteria.CriteriaSet;
import vn.govqms.scoring.criteria.Definition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * How an agency's score compares with the year before. Under one criteria set in both years the totals compare as they
 * are ({@link Basis#TOTAL}). When the set changed between the years (other criteria, perhaps another maximum) a total
 * means something else: the comparison is of the bands and of the totals normalised to 100 (score × 100 / the set's
 * maximum), {@link Basis#BAND_AND_NORMALISED_TOTAL}.
 */
public final class YearOverYear {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the changes of a year-over-year answer compare. */
    @Schema(name = "YearOverYearBasis")
    public enum Basis {
        TOTAL, BAND_AND_NORMALISED_TOTAL
    }

    /** A band higher, the same or lower than the year before, in band tables of the same bands. */
    @Schema(name = "BandChange")
    public enum BandChange {
        UP, SAME, DOWN
    }

    private YearOverYear() {
    }

    /** The score out of 100 under its set (null without a score). */
    static BigDecimal normalised(BigDecimal score, CriteriaSet set) {
        if (score == null || set == null) {
            return null;
        }
        BigDecimal max = set.definition.totalMaxPoints();
        return max.signum() == 0 ? null : score.multiply(HUNDRED).divide(max, 2, RoundingMode.HALF_UP);
    }

    /** The change on the basis of the answer: totals, or totals normalised to 100; null without last year's score. */
    static BigDecimal change(Basis basis, BigDecimal score, BigDecimal previousScore, BigDecimal normalised, BigDecimal previousNormalised) {
        return basis == Basis.TOTAL
                ? (score == null || previousScore == null ? null : score.subtract(previousScore))
                : (normalised == null || previousNormalised == null ? null : normalised.subtract(previousNormalised));
    }

    /**
     * Up, the same or down, when both years' sets have band tables of the same bands in the same order (as the default
     * table, or one set in both years); null when the tables differ (the bands are then read side by side) or a band is
     * missing.
     */
    static BandChange bandChange(String band, CriteriaSet set, String previousBand, CriteriaSet previousSet) {
        if (band == null || previousBand == null || set == null || previousSet == null) {
            return null;
        }
        List<String> codes = codes(set);
        if (!codes.equals(codes(previousSet))) {
            return null;
        }
        int now = codes.indexOf(band);
        int before = codes.indexOf(previousBand);
        if (now < 0 || before < 0) {
            return null;
        }
        // bands run from the highest down
        return now < before ? BandChange.UP : now > before ? BandChange.DOWN : BandChange.SAME;
    }

    private static List<String> codes(CriteriaSet set) {
        List<Definition.Band> bands = set.definition.bands() == null || set.definition.bands().isEmpty()
                ? Definition.DEFAULT_BANDS : set.definition.bands();
        return bands.stream().map(Definition.Band::code).toList();
    }
}
