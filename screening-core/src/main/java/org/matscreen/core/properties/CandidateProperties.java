package org.matscreen.core.properties;

import java.io.Serializable;

/**
 * Physical properties of one relaxed candidate. NaN means "not computed" (e.g. elastic constants switched off, or a
 * non-cubic cell for the cubic constants).
 *
 * @param energyPerAtomEv relaxed potential energy per atom, eV/atom
 * @param volumePerAtomA3 relaxed volume per atom, Å³/atom
 * @param latticeAAngstrom conventional-cell edge a of the relaxed supercell (box edge / repeats), Å
 * @param latticeBAngstrom conventional-cell edge b, Å
 * @param latticeCAngstrom conventional-cell edge c, Å
 * @param latticeParameterAngstrom lattice parameter of the prototype with the same volume per atom, Å
 * @param mixingEnthalpyEvPerAtom E − Σ x_i E_i with the pure elements in the candidate's prototype, eV/atom
 * @param formationEnthalpyEvPerAtom E − Σ x_i E_i with the pure elements in their ground states, eV/atom
 * @param densityGPerCm3 mass density from the relaxed volume, g/cm³
 * @param bulkModulusGpa Birch–Murnaghan B0, GPa
 * @param bulkModulusPrime Birch–Murnaghan B0'
 * @param eosRmsResidualEvPerAtom RMS residual of the E(V) fit, eV/atom
 * @param c11Gpa cubic(-averaged) elastic constant C11, GPa
 * @param c12Gpa C12, GPa
 * @param c44Gpa C44, GPa
 * @param cubicDeviationGpa largest deviation of the full tensor from its cubic average, GPa
 * @param shearModulusGpa Voigt–Reuss–Hill shear modulus, GPa
 * @param pughRatio B/G with B = (C11 + 2 C12)/3 and G the Hill shear modulus
 */
public record CandidateProperties(double energyPerAtomEv, double volumePerAtomA3, double latticeAAngstrom,
        double latticeBAngstrom, double latticeCAngstrom, double latticeParameterAngstrom,
        double mixingEnthalpyEvPerAtom, double formationEnthalpyEvPerAtom, double densityGPerCm3, double bulkModulusGpa,
        double bulkModulusPrime, double eosRmsResidualEvPerAtom, double c11Gpa, double c12Gpa, double c44Gpa,
        double cubicDeviationGpa, double shearModulusGpa, double pughRatio) implements Serializable {}
