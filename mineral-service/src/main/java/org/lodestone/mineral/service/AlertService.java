package org.lodestone.mineral.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.OutboxEvent;
import org.lodestone.mineral.api.AlertQuery;
import org.lodestone.mineral.api.AlertView;
import org.lodestone.support.problem.InvalidInputException;
import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.mineral.mapping.AlertMapper;

/**
 * Replays alerts from the outbox for one caller. Visibility follows the data rules: PUBLIC alerts reach every
 * authenticated caller, COALITION ones analysts, admins and coalition members, PARTIES ones admins and members of a
 * party. A member who names no countries gets the alerts concerning their own country; everyone else gets all.
 */
@ApplicationScoped
public class AlertService {

    public static final int MAX_LIMIT = 1000;

    /** Who is asking, as the token says. */
    public record Viewer(String country, Set<String> roles) {
        boolean admin() {
            return roles.contains("admin");
        }

        boolean member() {
            return roles.contains("member") && country != null;
        }
    }

    private final MineralConfig config;

    AlertService(MineralConfig config) {
        this.config = config;
    }

    @Transactional
    public List<AlertView> replay(AlertQuery query, Viewer viewer) {
        int limit = query.limit() == null ? MAX_LIMIT : query.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInputException.of("limit", "must be within 1.." + MAX_LIMIT);
        }
        return find(new ArrayList<>(), new HashMap<>(), query, viewer, limit);
    }

    /**
     * The alerts among the given outbox ids that the viewer asked for and may see, by the same rules as
     * {@link #replay} (a subscription's filter: {@code since} and {@code limit} of the query are ignored).
     */
    @Transactional
    public List<AlertView> among(Collection<UUID> ids, AlertQuery query, Viewer viewer) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> clauses = new ArrayList<>(List.of("id in :ids"));
        Map<String, Object> params = new HashMap<>(Map.of("ids", ids));
        return find(clauses, params, new AlertQuery(null, query.kinds(), query.countries(), null), viewer, ids.size());
    }

    private List<AlertView> find(List<String> clauses, Map<String, Object> params, AlertQuery query, Viewer viewer,
            int limit) {
        if (query.since() != null) {
            clauses.add("occurredAt > :since");
            params.put("since", query.since());
        }
        if (query.kinds() != null && !query.kinds().isEmpty()) {
            clauses.add("kind in :kinds");
            params.put("kinds", query.kinds());
        }
        List<String> countries = countries(query.countries(), viewer);
        if (!countries.isEmpty()) {
            List<String> any = new ArrayList<>();
            for (int i = 0; i < countries.size(); i++) {
                any.add("array_contains(countries, :country" + i + ")");
                params.put("country" + i, countries.get(i));
            }
            clauses.add("(" + String.join(" or ", any) + ")");
        }
        if (!viewer.admin()) {
            List<String> visible = new ArrayList<>(List.of("visibility = 'PUBLIC'"));
            if (viewer.roles().contains("analyst")
                    || (viewer.member() && config.coalitionMembers().contains(viewer.country()))) {
                visible.add("visibility = 'COALITION'");
            }
            if (viewer.member()) {
                visible.add("array_contains(parties, :own)");
                params.put("own", viewer.country());
            }
            clauses.add("(" + String.join(" or ", visible) + ")");
        }
        String where = clauses.isEmpty() ? "" : String.join(" and ", clauses) + " ";
        return OutboxEvent.<OutboxEvent>find(where + "order by occurredAt, seq", params).page(0, limit).list()
                .stream().map(AlertMapper::toView).toList();
    }

    static List<String> countries(List<String> asked, Viewer viewer) {
        if (asked != null && !asked.isEmpty()) {
            return asked.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList();
        }
        return viewer.member() ? List.of(viewer.country()) : List.of();
    }
}
