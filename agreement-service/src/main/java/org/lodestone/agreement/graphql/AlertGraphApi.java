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
import org.lodestone.agreement.AlertKind;
import org.lodestone.agreement.api.AgreementAlertPayload;
import org.lodestone.agreement.api.AlertQuery;
import org.lodestone.agreement.api.AlertView;
import org.lodestone.agreement.service.AgreementService;
import org.lodestone.agreement.api.AgreementView;
import org.lodestone.agreement.service.AlertService;
import org.lodestone.agreement.service.CommitmentService;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.support.DatabaseOutageAware;

/** Alert replay from this service's outbox. */
@DatabaseOutageAware
@GraphQLApi
public class AlertGraphApi {

    private final AlertService alerts;
    private final AgreementService agreements;
    private final CommitmentService commitments;

    public AlertGraphApi(AlertService alerts, AgreementService agreements, CommitmentService commitments) {
        this.alerts = alerts;
        this.agreements = agreements;
        this.commitments = commitments;
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
    List<AlertNode> nodes(List<AlertView> found) {
        Set<String> agreementIds = new LinkedHashSet<>();
        Set<String> commitmentIds = new LinkedHashSet<>();
        for (AlertView alert : found) {
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
        for (AlertView alert : found) {
            AgreementAlertPayload p = alert.payload();
            if (p.commitment() != null) {
                nodes.add(new CommitmentAlertNode(alert.id().toString(), alert.kind(), alert.occurredAt(),
                        alert.countries(), Nodes.commitment(commitmentById.get(p.commitment())), p.commitmentStatus(),
                        p.fulfilledPct()));
            } else {
                nodes.add(new AgreementAlertNode(alert.id().toString(), alert.kind(), alert.occurredAt(),
                        alert.countries(), Nodes.agreement(agreementById.get(p.agreement())), p.status(),
                        p.previousStatus(), p.version() == null ? 0 : p.version(), p.reason()));
            }
        }
        return nodes;
    }
}
