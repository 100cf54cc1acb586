package org.lodestone.agreement.api;

import java.time.LocalDate;

/** Cumulative progress as of a date: the quantity or amount delivered so far, matching the target's kind. */
public record ProgressCommand(Double quantity, Double amount, LocalDate asOf, String note) {
}
