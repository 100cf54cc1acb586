package org.lodestone.country.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Name;

@Name("Viewer")
@Description("The caller, as their token describes them.")
public record ViewerView(
        @NonNull String subject,
        String username,
        CountryView country,
        @NonNull List<@NonNull String> roles) {
}
