package org.lodestone.mineral.graphql;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.service.ControlPeriod;
import org.lodestone.support.citation.SourceNode;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;

@Key(fields = @FieldSet("id"))
@Description("""
        An export restriction (licence, ban, halt) or a suspension of one. announcedOn/effectiveOn/endsOn are set \
        when the source gives the day; announcedDate/effectiveDate/endsDate keep the source's precision \
        (YYYY-MM-DD or YYYY-MM). status is derived for today: ANNOUNCED, IN_FORCE, SUSPENDED or ENDED.""")
@Name("ExportControl")
public record ExportControlNode(@Id @NonNull String id, @NonNull CountryNode imposingCountry, @Ignore List<String> mineralIds,
        @NonNull List<@NonNull CountryNode> targets, boolean targetsAll, @NonNull String measure, LocalDate announcedOn,
        LocalDate effectiveOn, LocalDate endsOn, String announcedDate, String effectiveDate, String endsDate,
        @Ignore String suspendsId, @NonNull String status, String statusNote, String summary, @NonNull SourceNode source) {

    static ExportControlNode from(ExportControlDto dto) {
        return dto == null ? null
                : new ExportControlNode(dto.id(), CountryNode.of(dto.imposingCountry()), dto.minerals(),
                        dto.targets().stream().map(CountryNode::of).toList(), dto.targetsAll(), dto.measure(),
                        ControlPeriod.exactDay(dto.announcedDate()), ControlPeriod.exactDay(dto.effectiveDate()),
                        ControlPeriod.exactDay(dto.endsDate()), dto.announcedDate(), dto.effectiveDate(),
                        dto.endsDate(), dto.suspends(), dto.status(), dto.statusNote(), dto.summary(),
                        SourceNode.of(dto.source()));
    }
}
