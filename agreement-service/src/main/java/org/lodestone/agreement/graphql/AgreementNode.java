package org.lodestone.agreement.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;
import org.lodestone.agreement.AgreementStatus;
import org.lodestone.agreement.Visibility;
import org.lodestone.support.citation.SourceNode;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Type("Agreement")
// federation resolves the _entities union member by @Name (or the simple class name), not by @Type
@Name("Agreement")
@Key(fields = @FieldSet("id"))
public record AgreementNode(
        @Id @NonNull String id,
        @NonNull String title,
        @NonNull String type,
        @NonNull List<@NonNull CountryNode> parties,
        @NonNull List<@NonNull MineralNode> minerals,
        @Description("Null when the source gives only a month; see signedPeriod.") LocalDate signedOn,
        @Description("The signing date as precisely as the source gives it: yyyy-MM-dd or yyyy-MM.") String signedPeriod,
        @NonNull AgreementStatus status,
        @NonNull Visibility visibility,
        String summary,
        @Description("The agreement's commitments as its source words them.") String commitmentsText,
        int version,
        @NonNull SourceNode source) {
}
