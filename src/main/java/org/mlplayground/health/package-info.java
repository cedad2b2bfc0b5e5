/**
 * Gradient health (COURSE.md §4): measurements of vanishing and exploding gradients taken from the
 * engine's cached pass right after a training step, so that they cost no extra forward or backward pass.
 *
 * <p>{@link org.mlplayground.health.GradientHealth} is one step's per-layer picture (gradient norms,
 * update-to-weight ratios, saturation, histograms of a_l, h_l and Φ'(a_l));
 * {@link org.mlplayground.health.GradientMonitor} keeps a bounded history of the norms while a view is
 * shown; {@link org.mlplayground.health.Chain} takes ∂ℓ/∂w_1 = x · Π Φ'(a_i) w_{i+1} · δ_L of a
 * one-neuron-per-layer network apart factor by factor; {@link org.mlplayground.health.HealthPreset} holds
 * the runs to compare. No JavaFX here: a view reads these values.
 */
package org.mlplayground.health;
