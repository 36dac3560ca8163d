package vn.govqms.kit.web;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code provinceCode} query parameter: a province's two-digit code ({@code @Valid @BeanParam ProvinceParam province}). */
public record ProvinceParam(
        @QueryParam("provinceCode") @Pattern(regexp = "[0-9]{2}", message = "a province code of two digits, such as 24")
        @Parameter(description = "A province's two-digit code (default: the caller's province)", example = "24")
        String provinceCode) {
}
