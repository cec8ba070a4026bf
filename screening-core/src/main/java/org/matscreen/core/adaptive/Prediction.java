package org.matscreen.core.adaptive;

import java.io.Serializable;

/**
 * The surrogate's belief about one candidate: posterior mean and standard deviation of the latent (noise-free) value
 * of every quantity, in the quantities' order and units. A descriptor quantity is known exactly (sd 0).
 */
public record Prediction(double[] mean, double[] sd) implements Serializable {}
