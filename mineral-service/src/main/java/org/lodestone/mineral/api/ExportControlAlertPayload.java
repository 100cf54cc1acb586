package org.lodestone.mineral.api;

import java.util.List;

/**
 * What an export-control alert says, as stored in the outbox: the control, its minerals, the coalition members it
 * hits (by the scenario rule), for a suspension the suspension that relaxed it, and for a PRICE_MOVE the move (its
 * one mineral is then {@code minerals}).
 */
public record ExportControlAlertPayload(String exportControl, String imposingCountry, List<String> minerals,
        List<String> hitMembers, String measure, String suspension, String summary, PriceMoveDto priceMove) {
}
