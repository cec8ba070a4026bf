package org.matscreen.core.sim;

import java.io.Serializable;

/**
 * Which properties to compute beyond the relaxed energy and cell.
 *
 * @param equationOfState scan E(V) around the relaxed volume (for the Birch–Murnaghan bulk modulus)
 * @param eosPoints number of volumes in the scan (odd, ≥ 5)
 * @param eosMaxVolumeStrain largest |V/V0 − 1| of the scan; the default 0.02 keeps the Birch–Murnaghan B0 within
 *     0.3 % of (C11 + 2 C12)/3 for the 17 Zhou 2004 metals, where ±6 % was up to 3.3 % low (Al)
 * @param elasticConstants apply ± finite strains to get the elastic tensor from the stresses
 * @param elasticStrain magnitude of each finite strain, e.g. 0.005
 */
public record PropertySettings(boolean equationOfState, int eosPoints, double eosMaxVolumeStrain,
        boolean elasticConstants, double elasticStrain) implements Serializable {

    public static final PropertySettings DEFAULT = new PropertySettings(true, 7, 0.02, true, 0.005);
    /** Defaults of a DFT method: the E(V) scan of the GPAW production preset (7 points, ±6 %), no elastic tensor. */
    public static final PropertySettings DFT_DEFAULT = new PropertySettings(true, 7, 0.06, false, 0.005);
    public static final PropertySettings NONE = new PropertySettings(false, 7, 0.02, false, 0.005);

    public PropertySettings {
        if (eosPoints < 5 || eosPoints > 41 || eosPoints % 2 == 0) {
            throw new IllegalArgumentException("EOS points must be odd, 5..41: " + eosPoints);
        }
        if (!(eosMaxVolumeStrain > 0.005 && eosMaxVolumeStrain <= 0.2)) {
            throw new IllegalArgumentException("EOS volume strain must be in (0.005, 0.2]: " + eosMaxVolumeStrain);
        }
        if (!(elasticStrain >= 1e-4 && elasticStrain <= 0.02)) {
            throw new IllegalArgumentException("elastic strain must be in [1e-4, 0.02]: " + elasticStrain);
        }
    }

    /** Stable text that enters candidate ids. */
    public String key() {
        return (equationOfState ? "eos=" + eosPoints + "@" + eosMaxVolumeStrain : "eos=off") + ","
                + (elasticConstants ? "elastic=" + elasticStrain : "elastic=off");
    }
}
