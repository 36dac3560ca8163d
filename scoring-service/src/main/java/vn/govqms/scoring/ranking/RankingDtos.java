package vn.govqms.scoring.ranking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the ranking and statistics endpoints return. */
public final class RankingDtos {

    private RankingDtos() {
    }

    @Schema(name = "RankedAgency")
    public record Ranked(
            @Schema(description = "Standard competition ranking: equal scores share a rank and the next rank skips (1, 2, 2, 4)", example = "2") long rank,
            UUID agencyId, @Schema(example = "000.00.53.H24") String agencyCode, @Schema(example = "Sở Tư pháp tỉnh Bắc Giang") String agencyName,
            @Schema(example = "91.5") BigDecimal score, @Schema(example = "VERY_GOOD") String band, @Schema(example = "Rất tốt") String bandLabel) {
    }

    @Schema(name = "Ranking")
    public record Ranking(@Schema(example = "24") String provinceCode, @Schema(example = "2026") int year, Source source,
                          List<Ranked> items, int page, int size, @Schema(description = "Agencies ranked", example = "43") long total) {
    }

    @Schema(name = "BandCount")
    public record BandCount(@Schema(example = "GOOD") String band, @Schema(example = "Tốt") String label,
                            @Schema(example = "14") long count, @Schema(description = "Percent of the agencies scored, from the counts, 2 decimals", example = "32.56") BigDecimal share) {
    }

    @Schema(name = "BandDistribution")
    public record Distribution(@Schema(example = "24") String provinceCode, @Schema(example = "2014") int year, Source source,
                               @Schema(description = "Agencies scored", example = "43") long total, List<BandCount> bands) {
    }

    @Schema(name = "YearOverYear")
    public record Change(UUID agencyId, @Schema(example = "000.00.53.H24") String agencyCode,
                         @Schema(example = "Sở Tư pháp tỉnh Bắc Ninh") String agencyName,
                         @Schema(example = "85") BigDecimal score, @Schema(example = "108") BigDecimal previousScore,
                         @Schema(description = "On the answer's basis (comparedOn): score − previousScore (TOTAL), or "
                                 + "normalisedScore − previousNormalisedScore (BAND_AND_NORMALISED_TOTAL); null without last year's score",
                                 example = "-5") BigDecimal change,
                         @Schema(example = "GOOD") String band, @Schema(example = "GOOD") String previousBand,
                         @Schema(example = "Tốt") String bandLabel, @Schema(example = "Tốt") String previousBandLabel,
                         @Schema(description = "The band against last year's when both years' band tables have the same bands; null otherwise",
                                 example = "SAME") YearOverYear.BandChange bandChange,
                         @Schema(description = "The score out of 100 under its criteria set (score × 100 / the set's maximum)", example = "85")
                         BigDecimal normalisedScore,
                         @Schema(description = "Last year's score out of 100 under its set", example = "90") BigDecimal previousNormalisedScore,
                         UUID criteriaSetId, UUID previousCriteriaSetId) {
    }

    @Schema(name = "CriteriaSetOfYear", description = "A criteria set the scores of a year are under")
    public record SetOfYear(UUID id, @Schema(example = "Bộ tiêu chí đánh giá HTQLCL tỉnh Bắc Ninh") String name,
                            @Schema(example = "1") int version, @Schema(example = "2025") int appliesFromYear,
                            @Schema(description = "The set's maximum: the sum of its criteria's maximum points", example = "100") BigDecimal totalMaxPoints) {
    }

    @Schema(name = "YearOverYearPage")
    public record Changes(@Schema(example = "24") String provinceCode, @Schema(example = "2025") int year, Source source,
                          @Schema(description = "Whether some agency's score is under another criteria set than the year before")
                          boolean criteriaSetChanged,
                          @Schema(description = "TOTAL when every score compared is under the same set as the year before; "
                                  + "BAND_AND_NORMALISED_TOTAL when the set changed: bands side by side, totals normalised to 100",
                                  example = "BAND_AND_NORMALISED_TOTAL") YearOverYear.Basis comparedOn,
                          @Schema(description = "The sets of the year's scores (one, unless agencies were scored under several)")
                          List<SetOfYear> criteriaSets,
                          @Schema(description = "The sets of the year before's scores") List<SetOfYear> previousCriteriaSets,
                          List<Change> items, int page, int size, long total) {
    }

    @Schema(name = "ProgressFigure")
    public record Figure(@Schema(example = "QMS_ANNOUNCED") String code, @Schema(example = "Đã công bố HTQLCL") String label,
                         @Schema(example = "45") long count, @Schema(example = "48") long of, @Schema(example = "93.75") BigDecimal share) {
    }

    @Schema(name = "Progress")
    public record Progress(@Schema(example = "24") String provinceCode, @Schema(example = "2015") int year,
                           @Schema(description = "The day the QMS figures (announced, finished building, converted to ISO 9001:2015) "
                                   + "are as of; the other figures are over the year", example = "2015-04-30") LocalDate asOf,
                           @Schema(description = "Agencies of the province in the directory, in force", example = "48") long agencies,
                           List<Figure> figures) {
    }

    @Schema(name = "NationalProgress", description = "The progress of every province that exists at the end of the year, by province code")
    public record NationalProgress(@Schema(example = "2025") int year, List<Progress> items, @Schema(example = "0") int page,
                                   @Schema(example = "100") int size, @Schema(description = "Provinces", example = "34") long total) {
    }

    @Schema(name = "NationalBandDistribution", description = "The band distribution of every province that exists at the end of the year, by province code")
    public record NationalDistribution(@Schema(example = "2014") int year, Source source, List<Distribution> items, @Schema(example = "0") int page,
                                       @Schema(example = "100") int size, @Schema(description = "Provinces", example = "63") long total) {
    }
}
