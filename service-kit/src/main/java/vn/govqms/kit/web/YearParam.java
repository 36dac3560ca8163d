package vn.govqms.kit.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code year} query parameter of the yearly lists and reports ({@code @Valid @BeanParam YearParam year}). */
public record YearParam(
        @QueryParam("year") @Min(2000) @Max(2100)
        @Parameter(description = "Calendar year, 2000 to 2100 (required by the reports and the year's progress)", example = "2026")
        Integer year) {

    /** The year, refused with a 400 naming it when absent. */
    public int required() {
        return QueryParams.required("year", year);
    }
}
