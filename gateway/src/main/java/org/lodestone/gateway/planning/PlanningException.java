package org.lodestone.gateway.planning;

/** The supergraph offers no way to fetch what the operation asks for (a composition/gateway gap, not bad input). */
public class PlanningException extends RuntimeException {

    public PlanningException(String message) {
        super(message);
    }
}
