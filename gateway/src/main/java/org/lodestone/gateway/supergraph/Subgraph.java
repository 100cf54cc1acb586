package org.lodestone.gateway.supergraph;

/**
 * One subgraph of the supergraph.
 *
 * @param enumValue the {@code join__Graph} value that join directives refer to (e.g. {@code COUNTRIES})
 * @param name the name given at composition (e.g. {@code countries})
 * @param url where the gateway sends requests
 */
public record Subgraph(String enumValue, String name, String url) {

    public Subgraph withUrl(String newUrl) {
        return new Subgraph(enumValue, name, newUrl);
    }
}
