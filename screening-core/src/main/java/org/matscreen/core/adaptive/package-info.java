/**
 * Strategies: what to compute next, given what is committed. {@link org.matscreen.core.adaptive.ExhaustiveStrategy}
 * enumerates the space; {@link org.matscreen.core.adaptive.AdaptiveStrategy} spends a simulation budget in rounds
 * chosen by a Gaussian-process surrogate ({@link org.matscreen.core.adaptive.GaussianProcess} on a
 * {@link org.matscreen.core.adaptive.FeatureMap}), expected hypervolume improvement times the probability of passing
 * the filters ({@link org.matscreen.core.adaptive.Acquisition}) and a batch rule that keeps a round's picks apart.
 *
 * <p>Linear algebra (Cholesky) and the optimiser of the marginal likelihood are Hipparchus' (Apache-2.0, maintained
 * fork of Commons Math); erfc is Commons Numbers'. Neither Spark nor native code is used here: spark-jobs scores the
 * space on executors through {@link org.matscreen.core.adaptive.CandidateScorer}.
 */
package org.matscreen.core.adaptive;
