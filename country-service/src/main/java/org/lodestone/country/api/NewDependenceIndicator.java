package org.lodestone.country.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.lodestone.country.ValueQualifier;

/**
 * A dependence indicator an analyst records for a country (the country comes from the URL).
 * Values are shares, days or counts, so never negative; percentages are also capped at 100 by the service.
 */
public record NewDependenceIndicator(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,63}", message = "must be a mineral slug such as rare_earths")
        String mineral,
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,63}", message = "must be a snake_case indicator name")
        String indicator,
        @NotNull @PositiveOrZero Double value,
        ValueQualifier valueQualifier,
        @NotBlank @Size(max = 200) String unit,
        @NotBlank @Size(max = 64) String period,
        @Size(max = 2000) String note,
        @NotBlank @Size(max = 2000) String source) {
}
