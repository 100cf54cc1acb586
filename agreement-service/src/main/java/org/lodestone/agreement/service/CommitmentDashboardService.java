package org.lodestone.agreement.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lodestone.agreement.CommitmentStatus;
import org.lodestone.agreement.api.CommitmentDashboard.GroupCount;
import org.lodestone.agreement.api.CommitmentDashboard.StatusCount;
import org.lodestone.agreement.api.CommitmentDashboard;
import org.lodestone.agreement.api.CommitmentFilter;
import org.lodestone.agreement.api.CommitmentView;
import org.lodestone.support.problem.InvalidInputException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The commitments tracker: counts over the commitments the caller may see, and those due soon. */
@ApplicationScoped
public class CommitmentDashboardService {

    private final CommitmentService commitments;

    public CommitmentDashboardService(CommitmentService commitments) {
        this.commitments = commitments;
    }

    /** Counts by status, per obligor and per agreement; due soon: not fulfilled and due within the days given. */
    @Transactional
    public CommitmentDashboard dashboard(int dueWithinDays) {
        if (dueWithinDays < 0) {
            throw InvalidInputException.of("dueWithinDays", "must be >= 0");
        }
        List<CommitmentView> all = commitments.list(CommitmentFilter.NONE);
        LocalDate today = commitments.today();
        LocalDate horizon = today.plusDays(dueWithinDays);
        List<CommitmentView> dueSoon = all.stream()
                .filter(c -> c.dueOn() != null && !c.dueOn().isBefore(today) && !c.dueOn().isAfter(horizon))
                .filter(c -> c.status() != CommitmentStatus.FULFILLED)
                .toList();
        return new CommitmentDashboard(today, all.size(), counts(all), group(all, CommitmentView::obligor),
                group(all, c -> c.agreement().id()), dueSoon);
    }

    private static List<GroupCount> group(List<CommitmentView> all, Function<CommitmentView, String> key) {
        Map<String, List<CommitmentView>> groups = all.stream()
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        return groups.entrySet().stream()
                .map(e -> new GroupCount(e.getKey(), e.getValue().size(), counts(e.getValue()))).toList();
    }

    private static List<StatusCount> counts(List<CommitmentView> views) {
        List<StatusCount> counts = new ArrayList<>();
        for (CommitmentStatus status : CommitmentStatus.values()) {
            counts.add(new StatusCount(status, (int) views.stream().filter(v -> v.status() == status).count()));
        }
        return counts;
    }
}
