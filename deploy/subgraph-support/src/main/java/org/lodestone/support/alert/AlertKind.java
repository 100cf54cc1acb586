package org.lodestone.support.alert;

/**
 * Every alert kind Lodestone knows. The list is the same in every subgraph that emits alerts (the enum is shared
 * in the supergraph), even though each service emits only its own kinds.
 */
public enum AlertKind {
    EXPORT_CONTROL_RECORDED,
    EXPORT_CONTROL_SUSPENDED,
    EXPORT_CONTROL_ENDED,
    PRICE_MOVE,
    AGREEMENT_CREATED,
    AGREEMENT_UPDATED,
    AGREEMENT_STATUS_CHANGED,
    PROGRESS_REPORTED,
    COMMITMENT_AT_RISK,
    COMMITMENT_OVERDUE
}
