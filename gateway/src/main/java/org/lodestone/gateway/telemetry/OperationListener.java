package org.lodestone.gateway.telemetry;

import graphql.language.OperationDefinition;

import org.lodestone.gateway.planning.QueryPlan;

/** What the request pipeline tells telemetry about one operation: its plan, then its outcome. */
public interface OperationListener {

    OperationListener NONE = new OperationListener() {
    };

    /** The operation passed validation and access rules and has a plan ({@code name} is null when anonymous). */
    default void planned(OperationDefinition.Operation type, String name, QueryPlan plan) {
    }

    /** The plan ran: how many subgraph requests it took and how many errors the response carries. */
    default void executed(int subgraphRequests, int errors) {
    }
}
