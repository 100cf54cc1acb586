package org.lodestone.agreement.graphql;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.lodestone.agreement.api.AgreementAlertPayload;
import org.lodestone.agreement.service.AgreementService;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.service.AlertService;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.support.DatabaseOutageAware;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.support.alert.AlertNode;
import org.lodestone.support.alert.AlertQuery;
import org.lodestone.support.alert.AlertView;
import org.lodestone.support.outbox.OutboxSubscriptions;

/** Alert replay and the live alert subscription from this service's outbox. */
@DatabaseOutageAware
@GraphQLApi
public class AlertGraphApi {

    private final AlertService alerts;
    private final AgreementService agreements;
    private final CommitmentService commitments;
    private final OutboxSubscriptions subscriptions;

    public AlertGraphApi(AlertService alerts, AgreementService agreements, CommitmentService commitments,
            OutboxSubscriptions subscriptions) {
        this.alerts = alerts;
        this.agreements = agreements;
        this.commitments = commitments;
        this.subscriptions = subscriptions;
    }

    @Subscription("agreementAlerts")
    @Description("""
            Agreement and commitment alerts as they commit, of the kinds and concerning the countries given, by the same rules as \
            the agreementAlerts query: a member who names no countries gets those concerning their own country. Ends \
            when the caller's token expires (WebSocket close 1008).""")
    public Multi<@NonNull AlertNode> agreementAlertsLive(@Nullable List<@NonNull AlertKind> kinds,
            @Nullable List<@NonNull String> countries) {
        AlertQuery query = AlertQuery.live(kinds, countries);
        // resolved for each batch with the subscriber's identity, through the same visibility checks as the replay
        return subscriptions.stream(ids -> nodes(alerts.among(ids, query)));
    }

    @Query("agreementAlerts")
    @Description("""
            Agreement and commitment alerts that occurred after since (all kept when null), oldest first, of the \
            kinds and concerning the countries given, among those the caller may see (the agreement's visibility). \
            A member who names no countries gets those concerning their own country. At most limit (default and \
            maximum 1000); ask again with the last occurredAt to page.""")
    public @NonNull List<@NonNull AlertNode> agreementAlerts(OffsetDateTime since, List<AlertKind> kinds,
            List<String> countries, Integer limit) {
        return nodes(alerts.replay(new AlertQuery(since, kinds, countries, limit)));
    }

    /** Agreements and commitments of all alerts are read with one query each, through the visibility checks. */
    List<AlertNode> nodes(List<AlertView<AgreementAlertPayload>> found) {
        Set<String> agreementIds = new LinkedHashSet<>();
        Set<String> commitmentIds = new LinkedHashSet<>();
        for (AlertView<AgreementAlertPayload> alert : found) {
            if (alert.payload().commitment() != null) {
                commitmentIds.add(alert.payload().commitment());
            } else {
                agreementIds.add(alert.payload().agreement());
            }
        }
        Map<String, AgreementView> agreementById = new HashMap<>();
        agreements.findAll(new ArrayList<>(agreementIds)).stream().filter(Objects::nonNull)
                .forEach(a -> agreementById.put(a.id(), a));
        Map<String, CommitmentView> commitmentById = new HashMap<>();
        if (!commitmentIds.isEmpty()) {
            commitments.findAll(new ArrayList<>(commitmentIds)).stream().filter(Objects::nonNull)
                    .forEach(c -> commitmentById.put(c.id(), c));
        }
        List<AlertNode> nodes = new ArrayList<>();
        for (AlertView<AgreementAlertPayload> alert : found) {
            AgreementAlertPayload p = alert.payload();
            if (p.commitment() != null) {
                nodes.add(new CommitmentAlertNode(alert, Nodes.commitment(commitmentById.get(p.commitment())),
                        p.commitmentStatus(), p.fulfilledPct()));
            } else {
                nodes.add(new AgreementAlertNode(alert, Nodes.agreement(agreementById.get(p.agreement())), p.status(),
                        p.previousStatus(), p.version() == null ? 0 : p.version(), p.reason()));
            }
        }
        return nodes;
    }
}
