package vn.govqms.scoring.ranking;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
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
    public record Change(UUID agencyId, String agencyCode, String agencyName, BigDecimal score, BigDecimal previousScore,
                         @Schema(description = "score − previousScore", example = "4.5") BigDecimal change, String band, String previousBand) {
    }

    @Schema(name = "YearOverYearPage")
    public record Changes(String provinceCode, int year, Source source, List<Change> items, int page, int size, long total) {
    }

    @Schema(name = "ProgressFigure")
    public record Figure(@Schema(example = "QMS_ANNOUNCED") String code, @Schema(example = "Đã công bố HTQLCL") String label,
                         @Schema(example = "45") long count, @Schema(example = "48") long of, @Schema(example = "93.75") BigDecimal share) {
    }

    @Schema(name = "Progress")
    public record Progress(@Schema(example = "24") String provinceCode, @Schema(example = "2015") int year,
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
