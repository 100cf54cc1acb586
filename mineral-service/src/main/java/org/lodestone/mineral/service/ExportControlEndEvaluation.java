package org.lodestone.mineral.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.lodestone.mineral.ExportControl;
import org.lodestone.mineral.ExportControlRepository;
import org.lodestone.mineral.OutboxEvent;
import org.lodestone.mineral.OutboxEventRepository;
import org.lodestone.mineral.api.ExportControlDto;

import io.quarkus.scheduler.Scheduled;

/**
 * EXPORT_CONTROL_ENDED: controls end by date (a restriction's {@code ends_date}; status ENDED from the day after it,
 * as {@link ControlStatus} has it), so an evaluation looks for restrictions whose end has passed and not been alerted.
 * It runs on every replica's schedule but once per cluster: the transaction first takes a PostgreSQL advisory lock
 * without waiting (a replica that does not get it skips the run), and each alerted end is remembered
 * ({@code export_control_end_alert}, keyed by control) in the alert's transaction, so no later or racing run alerts
 * it again. A control recorded after its end had already passed (history, such as most seed rows) gets no ENDED
 * alert: its RECORDED alert already said it had ended. A suspension's end is not an ENDED alert.
 */
@ApplicationScoped
public class ExportControlEndEvaluation {

    private static final Logger LOG = Logger.getLogger(ExportControlEndEvaluation.class);

    /** This job's advisory lock (a bigint no other client of this database locks). */
    static final long LOCK_KEY = 0x4c6f64655f313602L;

    private final ExportControlRepository controls;
    private final ExportControlService service;
    private final OutboxEventRepository outbox;
    private final AlertOutbox alerts;

    ExportControlEndEvaluation(ExportControlRepository controls, ExportControlService service,
            OutboxEventRepository outbox, AlertOutbox alerts) {
        this.controls = controls;
        this.service = service;
        this.outbox = outbox;
        this.alerts = alerts;
    }

    /** One run: {@code ran} false when another evaluation held the lock; how many ends it alerted. */
    public record Outcome(boolean ran, int alerted) {
    }

    @Scheduled(identity = "export-control-end-evaluation", cron = "${lodestone.mineral.alerts.end-evaluation-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Outcome outcome = evaluate(LocalDate.now(ZoneOffset.UTC));
        LOG.infof("Export-control end evaluation: ran=%s, alerted=%d", outcome.ran(), outcome.alerted());
    }

    /** Alerts every restriction that has ended by {@code today} (its end date is before it) and was not alerted. */
    @Transactional
    public Outcome evaluate(LocalDate today) {
        if (!controls.tryLock(LOCK_KEY)) {
            return new Outcome(false, 0);
        }
        List<ExportControl> ended = controls.withUnalertedEnd().stream().filter(c -> endedNews(c, today)).toList();
        if (ended.isEmpty()) {
            return new Outcome(true, 0);
        }
        Map<String, ExportControlDto> dtos = service.byIds(ended.stream().map(c -> c.id).toList());
        for (ExportControl control : ended) {
            OutboxEvent event = alerts.exportControlEnded(dtos.get(control.id));
            outbox.flush();
            controls.rememberEndAlerted(control.id, event.id);
        }
        return new Outcome(true, ended.size());
    }

    private static boolean endedNews(ExportControl control, LocalDate today) {
        LocalDate ends = ControlPeriod.start(control.endsDate);
        return today.isAfter(ends) && !control.recordedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().isAfter(ends);
    }
}
