package org.lodestone.mineral.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.lodestone.mineral.OutboxEvent;
import org.lodestone.mineral.OutboxEventRepository;
import org.lodestone.mineral.api.ExportControlAlertPayload;
import org.lodestone.mineral.api.ExportControlDto;
import org.lodestone.mineral.api.PriceMoveDto;
import org.lodestone.mineral.config.MineralConfig;
import org.lodestone.support.alert.AlertKind;

/**
 * Writes alerts into the outbox inside the caller's transaction ({@code MANDATORY}): the alert commits with the
 * change or not at all. Export-control data is readable by every authenticated caller, so its alerts are PUBLIC.
 */
@ApplicationScoped
public class AlertOutbox {

    public static final String EXPORT_CONTROL = "ExportControl";

    private final OutboxEventRepository outbox;
    private final MineralConfig config;
    private final Clock clock;

    AlertOutbox(OutboxEventRepository outbox, MineralConfig config) {
        this.outbox = outbox;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /**
     * A new restriction ({@code EXPORT_CONTROL_RECORDED}), or a suspension of an existing one
     * ({@code EXPORT_CONTROL_SUSPENDED}, about the suspended control, whose targets decide who is hit).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent exportControlRecorded(ExportControlDto recorded, ExportControlDto suspended) {
        if (suspended != null) {
            return write(AlertKind.EXPORT_CONTROL_SUSPENDED, suspended, suspended.minerals(), recorded.id(),
                    recorded.summary(), null);
        }
        return write(AlertKind.EXPORT_CONTROL_RECORDED, recorded, recorded.minerals(), null, recorded.summary(), null);
    }

    /** A restriction whose end date has passed ({@code EXPORT_CONTROL_ENDED}); the members it hit are told. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent exportControlEnded(ExportControlDto ended) {
        return write(AlertKind.EXPORT_CONTROL_ENDED, ended, ended.minerals(), null, ended.summary(), null);
    }

    /** A recorded price that moved past the threshold while the control is in force ({@code PRICE_MOVE}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent priceMoved(ExportControlDto control, PriceMoveDto move) {
        return write(AlertKind.PRICE_MOVE, control, List.of(move.mineral()), null, control.summary(), move);
    }

    private OutboxEvent write(AlertKind kind, ExportControlDto subject, List<String> minerals, String suspension,
            String summary, PriceMoveDto priceMove) {
        List<String> hit = ScenarioService.hitMembers(subject.imposingCountry(),
                subject.targetsAll() ? List.of() : subject.targets(), config.coalitionMembers());
        Set<String> countries = new LinkedHashSet<>();
        countries.add(subject.imposingCountry());
        countries.addAll(hit);
        ExportControlAlertPayload payload = new ExportControlAlertPayload(subject.id(), subject.imposingCountry(),
                minerals, hit, subject.measure(), suspension, summary, priceMove);
        OutboxEvent event = new OutboxEvent();
        event.describe(kind, OffsetDateTime.now(clock), EXPORT_CONTROL, subject.id(), List.copyOf(countries), "PUBLIC",
                List.of(), payload);
        outbox.persist(event);
        return event;
    }
}
