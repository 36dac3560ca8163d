package vn.govqms.scoring.criteria;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.govqms.kit.problem.Problem;
import vn.govqms.kit.problem.ProblemException;
import vn.govqms.scoring.indicator.IndicatorCode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The content of a criteria set: groups of criteria and the band table. A value object, stored as
 * JSON with the set; the rules that keep it coherent and that score with it live here.
 */
@Schema(name = "CriteriaSetDefinition")
public record Definition(
        @NotEmpty @Size(max = 50) List<@Valid Group> groups,
        @Size(max = 10) @Schema(description = "Bands from the highest down; the last has no minScore. Default: the Bắc Giang table, "
                + "edges strictly above (above 90 VERY_GOOD, above 80 GOOD, above 70 FAIR, above 50 AVERAGE, else WEAK)")
        List<@Valid Band> bands) {

    @Schema(name = "CriteriaGroup")
    public record Group(
            @NotBlank @Size(max = 20) @Schema(example = "2") String code,
            @NotBlank @Size(max = 500) @Schema(example = "Áp dụng HTQLCL") String name,
            @NotEmpty @Size(max = 100) List<@Valid Criterion> criteria) {
    }

    @Schema(name = "Criterion")
    public record Criterion(
            @NotBlank @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*", message = "a code like 2.3")
            @Schema(example = "2.3") String code,
            @NotBlank @Size(max = 2000) @Schema(example = "Rà soát, cập nhật quy trình ISO khi văn bản QPPL thay đổi") String text,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Schema(example = "10") BigDecimal maxPoints,
            @Size(max = 4000) @Schema(example = "Trừ 2 điểm cho mỗi quy trình quá hạn rà soát") String guidance,
            @NotNull @Schema(example = "AUTOMATIC") Method method,
            @Schema(description = "For AUTOMATIC: the indicator", example = "PROCEDURE_REVIEWS_OVERDUE") IndicatorCode indicator,
            @Schema(description = "For AUTOMATIC: the rule", example = "DEDUCTION_PER_ITEM") Rule rule,
            @Schema(description = "ALL_OR_NOTHING: the condition (default AT_LEAST)", example = "AT_LEAST") Comparison comparison,
            @Schema(description = "ALL_OR_NOTHING: the threshold (default 1)", example = "1") BigDecimal threshold,
            @DecimalMin(value = "0", inclusive = false)
            @Schema(description = "PROPORTIONAL: the value that earns full points (default 100 for a rate, 1 otherwise)", example = "100") BigDecimal target,
            @DecimalMin(value = "0", inclusive = false)
            @Schema(description = "DEDUCTION_PER_ITEM: points taken per item", example = "2") BigDecimal pointsPerItem) {

        /** Points earned by an indicator value (null: nothing measured yet, no points). */
        public BigDecimal automaticPoints(BigDecimal value) {
            if (value == null) {
                return BigDecimal.ZERO.setScale(2);
            }
            BigDecimal points = switch (rule) {
                case ALL_OR_NOTHING -> (comparison == null ? Comparison.AT_LEAST : comparison)
                        .holds(value, threshold == null ? BigDecimal.ONE : threshold) ? maxPoints : BigDecimal.ZERO;
                case PROPORTIONAL -> {
                    BigDecimal t = target != null ? target
                            : indicator.unit() == IndicatorCode.Unit.PERCENT ? BigDecimal.valueOf(100) : BigDecimal.ONE;
                    BigDecimal ratio = value.divide(t, 6, RoundingMode.HALF_UP).max(BigDecimal.ZERO).min(BigDecimal.ONE);
                    yield maxPoints.multiply(ratio);
                }
                case DEDUCTION_PER_ITEM -> maxPoints.subtract(pointsPerItem.multiply(value)).max(BigDecimal.ZERO);
            };
            return points.setScale(2, RoundingMode.HALF_UP);
        }
    }

    @Schema(name = "Band")
    public record Band(
            @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Z][A-Z_]*", message = "an upper-case code like VERY_GOOD")
            @Schema(example = "VERY_GOOD") String code,
            @NotBlank @Size(max = 100) @Schema(example = "Rất tốt") String label,
            @Size(max = 100) @Schema(example = "Very good") String labelEn,
            @DecimalMin("0") @DecimalMax("100") @Schema(description = "The band's lower edge (which side of it an edge value falls on: minInclusive); null for the last band", example = "90") BigDecimal minScore,
            @Schema(description = "Whether a score equal to minScore falls in this band (true) or the one below (false, as \"trên 90 điểm\"); "
                    + "omitted: true", example = "false")
            Boolean minInclusive) {

        boolean admits(BigDecimal score) {
            if (minScore == null) {
                return true;
            }
            int c = score.compareTo(minScore);
            return c > 0 || (c == 0 && !Boolean.FALSE.equals(minInclusive));
        }
    }

    /**
     * The Bắc Giang table (2014-2015) as the article words it: "trên 90 điểm" is strictly above 90, so each edge value
     * belongs to the band below it (90.00 is GOOD, 80.00 FAIR, 70.00 AVERAGE, 50.00 WEAK). A set created without bands
     * stores this table; a set keeps the table it was stored with.
     */
    public static final List<Band> DEFAULT_BANDS = List.of(
            new Band("VERY_GOOD", "Rất tốt", "Very good", BigDecimal.valueOf(90), false),
            new Band("GOOD", "Tốt", "Good", BigDecimal.valueOf(80), false),
            new Band("FAIR", "Khá", "Fair", BigDecimal.valueOf(70), false),
            new Band("AVERAGE", "Trung bình", "Average", BigDecimal.valueOf(50), false),
            new Band("WEAK", "Yếu", "Weak", null, null));

    /** With the default bands when none were given. */
    public Definition withDefaults() {
        return bands == null || bands.isEmpty() ? new Definition(groups, DEFAULT_BANDS) : this;
    }

    public Stream<Criterion> criteria() {
        return groups.stream().flatMap(g -> g.criteria().stream());
    }

    public Optional<Criterion> criterion(String code) {
        return criteria().filter(c -> c.code().equals(code)).findFirst();
    }

    public BigDecimal totalMaxPoints() {
        return criteria().map(Criterion::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    public Band classify(BigDecimal score) {
        return bands.stream().filter(b -> b.admits(score)).findFirst().orElse(bands.get(bands.size() - 1));
    }

    /** Checks what Bean Validation cannot: unique codes, rule parameters, band order; 400 naming the fields. */
    public void check() {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> groupCodes = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (!groupCodes.add(group.code())) {
                errors.add(new Problem.FieldError("groups[" + g + "].code", "duplicate group code " + group.code()));
            }
            for (int i = 0; i < group.criteria().size(); i++) {
                Criterion c = group.criteria().get(i);
                String at = "groups[" + g + "].criteria[" + i + "]";
                if (!codes.add(c.code())) {
                    errors.add(new Problem.FieldError(at + ".code", "duplicate criterion code " + c.code()));
                }
                if (c.method() == Method.MANUAL) {
                    if (c.indicator() != null || c.rule() != null) {
                        errors.add(new Problem.FieldError(at, "a MANUAL criterion has no indicator or rule"));
                    }
                    continue;
                }
                if (c.indicator() == null) {
                    errors.add(new Problem.FieldError(at + ".indicator", "required for an AUTOMATIC criterion"));
                }
                if (c.rule() == null) {
                    errors.add(new Problem.FieldError(at + ".rule", "required for an AUTOMATIC criterion"));
                } else if (c.rule() == Rule.DEDUCTION_PER_ITEM && c.pointsPerItem() == null) {
                    errors.add(new Problem.FieldError(at + ".pointsPerItem", "required for DEDUCTION_PER_ITEM"));
                }
            }
        }
        if (bands != null && !bands.isEmpty()) {
            Set<String> bandCodes = new HashSet<>();
            BigDecimal previous = null;
            for (int b = 0; b < bands.size(); b++) {
                Band band = bands.get(b);
                boolean last = b == bands.size() - 1;
                if (!bandCodes.add(band.code())) {
                    errors.add(new Problem.FieldError("bands[" + b + "].code", "duplicate band code " + band.code()));
                }
                if (last && band.minScore() != null) {
                    errors.add(new Problem.FieldError("bands[" + b + "].minScore", "the last band takes every lower score: leave it empty"));
                } else if (!last && band.minScore() == null) {
                    errors.add(new Problem.FieldError("bands[" + b + "].minScore", "required for every band but the last"));
                } else if (!last && previous != null && band.minScore().compareTo(previous) >= 0) {
                    errors.add(new Problem.FieldError("bands[" + b + "].minScore", "bands go from the highest down"));
                }
                if (band.minScore() != null) {
                    previous = band.minScore();
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid input",
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), Map.of("errors", errors));
        }
    }
}
