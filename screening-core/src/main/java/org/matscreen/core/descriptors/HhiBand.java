package org.matscreen.core.descriptors;

/**
 * Market-concentration bands of the Herfindahl–Hirschman index as used for elements by Gaultois et al., Chem. Mater.
 * 25, 2911 (2013), after the U.S. DOJ/FTC Horizontal Merger Guidelines (2010): below 1500 unconcentrated (low), 1500 to
 * 2500 moderately concentrated, above 2500 highly concentrated.
 */
public enum HhiBand {
    LOW,
    MODERATE,
    HIGH,
    /** The index is unknown because an element has no HHI value. */
    UNKNOWN;

    public static final double MODERATE_FROM = 1500;
    public static final double HIGH_ABOVE = 2500;
    /**
     * Slack on the band edges, in HHI points. The element values are whole hundreds, but a mass-weighted mean of equal
     * values (Cu and Ni reserves, both 1500) comes out a few ulp off (1499.9999999999998) and must not change band.
     */
    public static final double TOLERANCE = 1e-6;

    public static HhiBand of(double hhi) {
        if (Double.isNaN(hhi)) {
            return UNKNOWN;
        }
        if (hhi < MODERATE_FROM - TOLERANCE) {
            return LOW;
        }
        return hhi > HIGH_ABOVE + TOLERANCE ? HIGH : MODERATE;
    }
}
