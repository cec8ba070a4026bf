/**
 * Composition descriptors and sustainability metrics of alloys, from tabulated element data only (no simulation):
 * atomic-size mismatch δ, VEC and the phase rule of Guo et al., ideal mixing entropy, Takeuchi–Inoue mixing enthalpy,
 * Ω of Yang &amp; Zhang, rule-of-mixtures melting point, mass-weighted raw-material price with its year, supply
 * concentration (HHI of production and reserves), cradle-to-gate footprints and the share of critical raw materials.
 *
 * <p>Entry points: {@link org.matscreen.core.descriptors.DescriptorCalculator#standard()} and
 * {@link org.matscreen.core.descriptors.DescriptorCalculator#compute}, returning a
 * {@link org.matscreen.core.descriptors.Descriptors} record; {@link org.matscreen.core.descriptors.DescriptorRegistry}
 * names every descriptor by key with its unit, default direction and source. The element tables live in
 * {@code org/matscreen/core/data/} with their citations; {@code SOURCES.md} there describes each one.
 *
 * <p>Missing data never becomes a number: a descriptor that needs a value an element lacks is NaN, and the record
 * says which element (or element pair) was missing.
 */
package org.matscreen.core.descriptors;
