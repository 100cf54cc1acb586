package org.lodestone.mineral;

import java.util.Locale;

/** Which publisher's series a supply share belongs to; shares only add up to ~100 within one dataset. */
public enum Dataset {
    IEA,
    USGS;

    /** IEA rows are {@code observed} or {@code projection_base_case}; every {@code *_usgs*} basis is USGS. */
    public static Dataset fromBasis(String basis) {
        String b = basis.toLowerCase(Locale.ROOT);
        if (b.equals("observed") || b.equals("projection_base_case")) {
            return IEA;
        }
        if (b.contains("usgs")) {
            return USGS;
        }
        throw new IllegalArgumentException("basis '" + basis + "' belongs to no known dataset");
    }

    public static boolean isProjection(String basis) {
        return basis.toLowerCase(Locale.ROOT).startsWith("projection");
    }
}
