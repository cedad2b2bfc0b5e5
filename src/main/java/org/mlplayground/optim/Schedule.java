package org.mlplayground.optim;

/**
 * A learning-rate schedule γ_k (COURSE.md §5): the rate for step k = 0, 1, 2, …, counted by whoever steps
 * the optimizer. Each starts at γ_0 = {@link #initialRate()}, so γ_0 is the rate of the first step.
 */
public sealed interface Schedule {

    /** γ_k. */
    double rate(long k);

    /** γ_0. */
    double initialRate();

    /** The same decay from another γ_0 (when a student moves the learning-rate slider). */
    Schedule withInitialRate(double initialRate);

    /** γ_k = γ_0. */
    record Constant(double initialRate) implements Schedule {
        public Constant {
            Require.learningRate(initialRate);
        }

        @Override
        public double rate(long k) {
            checkStep(k);
            return initialRate;
        }

        @Override
        public Constant withInitialRate(double initialRate) {
            return new Constant(initialRate);
        }
    }

    /** γ_k = γ_0 e^{−αk}, α ≥ 0. */
    record Exponential(double initialRate, double alpha) implements Schedule {
        public Exponential {
            Require.learningRate(initialRate);
            Require.nonNegative("exponential decay α", alpha);
        }

        @Override
        public double rate(long k) {
            checkStep(k);
            return initialRate * Math.exp(-alpha * k);
        }

        @Override
        public Exponential withInitialRate(double initialRate) {
            return new Exponential(initialRate, alpha);
        }
    }

    /** γ_k = γ_0 / (1 + αk), α ≥ 0. */
    record Inverse(double initialRate, double alpha) implements Schedule {
        public Inverse {
            Require.learningRate(initialRate);
            Require.nonNegative("inverse decay α", alpha);
        }

        @Override
        public double rate(long k) {
            checkStep(k);
            return initialRate / (1 + alpha * k);
        }

        @Override
        public Inverse withInitialRate(double initialRate) {
            return new Inverse(initialRate, alpha);
        }
    }

    /** γ_k = γ_0 · factor^⌊k / every⌋: the rate is multiplied by {@code factor} every {@code every} steps. */
    record StepDecay(double initialRate, double factor, long every) implements Schedule {
        public StepDecay {
            Require.learningRate(initialRate);
            if (!(factor > 0 && factor <= 1)) {
                throw new IllegalArgumentException("step decay factor must be in (0, 1], got " + factor);
            }
            if (every < 1) throw new IllegalArgumentException("step decay interval must be at least 1 step, got " + every);
        }

        @Override
        public double rate(long k) {
            checkStep(k);
            return initialRate * Math.pow(factor, k / every);
        }

        @Override
        public StepDecay withInitialRate(double initialRate) {
            return new StepDecay(initialRate, factor, every);
        }
    }

    /**
     * Cosine annealing with warm restarts, as in snapshot ensembles (Huang et al. 2017):
     * γ_k = γ_0/2 · (1 + cos(π · (k mod T)/T)). Within each cycle of T steps the rate falls along half a
     * cosine from γ_0 towards 0 (γ_{T−1} = γ_0/2 · (1 − cos(π/T))), then jumps back to γ_0 at k = T, 2T, ….
     * The network at the end of a cycle sits in a minimum; the restart kicks it towards another one.
     *
     * @param periodSteps T ≥ 1, the steps per cycle
     */
    record CyclicCosine(double initialRate, long periodSteps) implements Schedule {
        public CyclicCosine {
            Require.learningRate(initialRate);
            if (periodSteps < 1) {
                throw new IllegalArgumentException("cyclic cosine period must be at least 1 step, got " + periodSteps);
            }
        }

        @Override
        public double rate(long k) {
            checkStep(k);
            double phase = (double) (k % periodSteps) / periodSteps; // 0 at each restart, → 1 at its end
            return initialRate / 2 * (1 + Math.cos(Math.PI * phase));
        }

        @Override
        public CyclicCosine withInitialRate(double initialRate) {
            return new CyclicCosine(initialRate, periodSteps);
        }
    }

    private static void checkStep(long k) {
        if (k < 0) throw new IllegalArgumentException("a schedule's step k starts at 0, got " + k);
    }
}
