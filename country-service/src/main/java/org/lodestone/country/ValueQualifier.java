package org.lodestone.country;

/**
 * How a published figure relates to its number: sources often give bounds ("&gt;50%") or approximations ("~60%").
 * An exact figure has no qualifier.
 */
public enum ValueQualifier {
    GREATER_THAN(">"),
    LESS_THAN("<"),
    APPROXIMATELY("~");

    private final String symbol;

    ValueQualifier(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static ValueQualifier fromSymbol(String symbol) {
        for (ValueQualifier qualifier : values()) {
            if (qualifier.symbol.equals(symbol)) {
                return qualifier;
            }
        }
        throw new IllegalArgumentException("Unknown value qualifier '" + symbol + "'");
    }
}
