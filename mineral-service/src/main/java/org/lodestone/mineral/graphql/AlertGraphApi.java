package org.lodestone.mineral.graphql;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import io.smallrye.graphql.api.Nullable;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.lodestone.mineral.api.ExportControlAlertPayload;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.MineralDto;
import org.lodestone.mineral.service.AlertService;
import org.lodestone.mineral.service.ExportControlService;
import org.lodestone.mineral.service.MineralService;
import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.alert.AlertAudience;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.support.alert.AlertNode;
import org.lodestone.support.alert.AlertQuery;
import org.lodestone.support.alert.AlertView;
import org.lodestone.support.outbox.OutboxSubscriptions;

import io.quarkus.security.identity.SecurityIdentity;

/** Alert replay and the live alert subscription from this service's outbox. */
@DatabaseOutageAware
@GraphQLApi
public class AlertGraphApi {

    private final AlertService alerts;
    private final ExportControlService controls;
    private final MineralService minerals;
    private final SecurityIdentity identity;
    private final OutboxSubscriptions subscriptions;

    AlertGraphApi(AlertService alerts, ExportControlService controls, MineralService minerals,
            SecurityIdentity identity, OutboxSubscriptions subscriptions) {
        this.alerts = alerts;
        this.controls = controls;
        this.minerals = minerals;
        this.identity = identity;
        this.subscriptions = subscriptions;
    }

    @Subscription("exportControlAlerts")
    @Description("""
            Export-control alerts as they commit, of the kinds and concerning the countries given, by the same rules as \
            the exportControlAlerts query: a member who names no countries gets those concerning their own country. Ends \
            when the caller's token expires (WebSocket close 1008).""")
    public Multi<@NonNull AlertNode> exportControlAlertsLive(@Nullable List<@NonNull AlertKind> kinds,
            @Nullable List<@NonNull String> countries) {
        AlertAudience audience = audience();
        AlertQuery query = AlertQuery.live(kinds, countries);
        return subscriptions.stream(ids -> List.<AlertNode>copyOf(nodes(alerts.among(ids, query, audience))));
    }

    @Query("exportControlAlerts")
    @Description("""
            Export-control alerts that occurred after since (all kept when null), oldest first, of the kinds and \
            concerning the countries given. A member who names no countries gets those concerning their own \
            country. At most limit (default and maximum 1000); ask again with the last occurredAt to page.""")
    public @NonNull List<@NonNull ExportControlAlertNode> exportControlAlerts(OffsetDateTime since,
            List<AlertKind> kinds, List<String> countries, Integer limit) {
        // An invalid query throws InvalidInputException, which answers BAD_USER_INPUT naming the field.
        return nodes(alerts.replay(new AlertQuery(since, kinds, countries, limit), audience()));
    }

    /** Controls and minerals of all alerts are read with one query each. */
    List<ExportControlAlertNode> nodes(List<AlertView<ExportControlAlertPayload>> found) {
        Set<String> controlIds = new HashSet<>();
        Set<String> mineralIds = new HashSet<>();
        for (AlertView<ExportControlAlertPayload> alert : found) {
            ExportControlAlertPayload p = alert.payload();
            controlIds.add(p.exportControl());
            if (p.suspension() != null) {
                controlIds.add(p.suspension());
            }
            mineralIds.addAll(p.minerals());
        }
        Map<String, ExportControlDto> byId = controls.byIds(controlIds);
        Map<String, MineralDto> mineralById = minerals.byIds(mineralIds);
        return found.stream().map(alert -> {
            ExportControlAlertPayload p = alert.payload();
            PriceMoveNode priceMove = p.priceMove() == null || !mineralById.containsKey(p.priceMove().mineral()) ? null
                    : PriceMoveNode.from(p.priceMove(), MineralNode.from(mineralById.get(p.priceMove().mineral())));
            return new ExportControlAlertNode(alert, ExportControlNode.from(byId.get(p.exportControl())),
                    CountryNode.of(p.imposingCountry()),
                    p.minerals().stream().map(mineralById::get).filter(Objects::nonNull).map(MineralNode::from).toList(),
                    p.hitMembers().stream().map(CountryNode::of).toList(),
                    p.suspension() == null ? null : ExportControlNode.from(byId.get(p.suspension())), priceMove);
        }).toList();
    }

    private AlertAudience audience() {
        String country = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getClaim("country") != null) {
            country = jwt.getClaim("country").toString().strip().toUpperCase(Locale.ROOT);
        }
        return alerts.audience(country, Set.copyOf(identity.getRoles()));
    }
}
