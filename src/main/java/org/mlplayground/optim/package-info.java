/**
 * Optimizers, learning-rate schedules, gradient clipping and Polyak averaging (COURSE.md §5), over the
 * flat parameter blocks of {@link org.mlplayground.engine.Parameter}: the same objects step a network and a
 * point on a 2-D loss surface.
 *
 * <p>One step: {@code optimizer.step(params, clipping.wrap(objective, params), schedule.rate(k))}, then
 * {@code average.update(params)}. The {@link org.mlplayground.optim.Objective} recomputes the gradients at
 * the current values; the optimizer evaluates it exactly once per step.
 *
 * <p>Where ε sits: AdaGrad and Adam outside the root, γg/(√a + ε); RMSProp and RMSProp + Nesterov inside,
 * γg/√(a + ε), as in the course; Adadelta under both of Zeiler's roots.
 */
package org.mlplayground.optim;
