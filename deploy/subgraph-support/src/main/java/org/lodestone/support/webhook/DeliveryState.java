package org.lodestone.support.webhook;

/** PENDING until a 2xx answer (DELIVERED) or until the retry window has passed (FAILED); both are final. */
public enum DeliveryState {
    PENDING,
    DELIVERED,
    FAILED
}
