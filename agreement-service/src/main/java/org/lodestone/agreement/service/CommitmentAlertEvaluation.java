package org.lodestone.agreement.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.lodestone.support.alert.AlertKind;
import org.lodestone.agreement.CommitmentAlertStateRepository;
import org.lodestone.agreement.api.CommitmentView;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The daily evaluation of due dates and progress: a commitment that has become AT_RISK or OVERDUE since the last
 * alert for it gets one alert. It runs on every replica's schedule but once per cluster: the transaction first takes
 * a PostgreSQL advisory lock (without waiting; a replica that does not get it skips the run), and the status last
 * alerted per commitment is stored in the same transaction as the alert, so a later or a racing run never alerts the
 * same change twice.
 */
@ApplicationScoped
public class CommitmentAlertEvaluation {

    /** The advisory lock key of this job; any bigint, unique among the locks this database's clients take. */
    static final long LOCK_KEY = 0x4c6f64655f313601L;

    private static final Logger LOG = Logger.getLogger(CommitmentAlertEvaluation.class);

    private final CommitmentAlertStateRepository alertStates;
    private final CommitmentService commitments;
    private final AlertOutbox alerts;
    private final Clock clock;

    public CommitmentAlertEvaluation(CommitmentAlertStateRepository alertStates, CommitmentService commitments,
            AlertOutbox alerts, Clock clock) {
        this.alertStates = alertStates;
        this.commitments = commitments;
        this.alerts = alerts;
        this.clock = clock;
    }

    /** What one run did; {@code ran} is false when another evaluator held the lock. */
    public record Outcome(boolean ran, int evaluated, int alerted) {
    }

    @Scheduled(identity = "commitment-alert-evaluation", cron = "${lodestone.agreement.alerts.evaluation-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        Outcome outcome = evaluate();
        LOG.infof("Commitment alert evaluation: ran=%s, evaluated=%d, alerted=%d", outcome.ran(), outcome.evaluated(),
                outcome.alerted());
    }

    @Transactional
    public Outcome evaluate() {
        if (!alertStates.tryLock(LOCK_KEY)) {
            return new Outcome(false, 0, 0);
        }
        Map<String, String> lastAlerted = alertStates.lastAlerted();
        List<CommitmentView> all = commitments.allForEvaluation();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int alerted = 0;
        for (CommitmentView commitment : all) {
            String status = commitment.status().name();
            if (status.equals(lastAlerted.get(commitment.id()))) {
                continue;
            }
            AlertKind kind = switch (commitment.status()) {
                case AT_RISK -> AlertKind.COMMITMENT_AT_RISK;
                case OVERDUE -> AlertKind.COMMITMENT_OVERDUE;
                default -> null;
            };
            // recovery (back on track, fulfilled) is remembered silently, so a later slip alerts again
            if (kind == null && !lastAlerted.containsKey(commitment.id())) {
                continue;
            }
            if (kind != null) {
                alerts.commitmentChanged(kind, commitment);
                alerted++;
            }
            alertStates.remember(commitment.id(), status, now);
        }
        return new Outcome(true, all.size(), alerted);
    }
}
