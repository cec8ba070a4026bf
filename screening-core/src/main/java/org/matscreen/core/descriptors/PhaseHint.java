package org.matscreen.core.descriptors;

/**
 * Solid-solution phase expected from the valence electron concentration by the rule of Guo, Ng, Lu and Liu,
 * J. Appl. Phys. 109, 103505 (2011): VEC ≥ 8 fcc; VEC &lt; 6.87 bcc; in between a mixture of fcc and bcc. The rule was
 * fitted to cast multicomponent alloys that form solid solutions; it says nothing about intermetallics or whether a
 * solid solution forms at all (that is what δ and Ω screen for).
 */
public enum PhaseHint {
    FCC,
    FCC_BCC,
    BCC,
    /** VEC unknown because an element has no VEC value. */
    UNKNOWN;

    /** VEC at and above which the rule predicts fcc. */
    public static final double FCC_MIN_VEC = 8.0;
    /** VEC below which the rule predicts bcc. */
    public static final double BCC_BELOW_VEC = 6.87;
    /**
     * Slack on the thresholds. A VEC built as Σ c_i VEC_i from fractions such as 1/5 lands a few ulp off the exact value
     * (CoCrFeMnNi gives 7.999999999999999 or 8.000000000000002); without the slack an equiatomic Cantor alloy, VEC = 8
     * exactly, could be called fcc+bcc.
     */
    public static final double VEC_TOLERANCE = 1e-9;

    public static PhaseHint fromVec(double vec) {
        if (Double.isNaN(vec)) {
            return UNKNOWN;
        }
        if (vec >= FCC_MIN_VEC - VEC_TOLERANCE) {
            return FCC;
        }
        if (vec < BCC_BELOW_VEC - VEC_TOLERANCE) {
            return BCC;
        }
        return FCC_BCC;
    }
}
