package org.mlplayground.train;

/**
 * What happens to a mini-batch before the network sees it (COURSE.md §6), all redrawn for every batch:
 * data augmentation of the raw 2-D points (jitter, a random rotation up to θ, mirrors) before the feature
 * map, Gaussian noise on the network's inputs, mixup of examples and labels, and label smoothing. Only the
 * training batches change; metrics and test data never do.
 *
 * @param inputNoise      σ of Gaussian noise added to every network input (0 = off); behaves like L2
 * @param jitter          σ of a Gaussian shift of each raw point
 * @param rotationDegrees θ: each raw point turns about the origin by an angle uniform in [−θ, θ]
 * @param mirrorX         x1 → −x1 for a random half of the points
 * @param mirrorY         x2 → −x2 for a random half of the points
 * @param mixupAlpha      α of mixup's Beta(α, α) (0 = off)
 * @param labelSmoothing  ε of label smoothing, 0 ≤ ε &lt; 1 (0 = off)
 */
public record Augmentation(double inputNoise, double jitter, double rotationDegrees, boolean mirrorX, boolean mirrorY,
        double mixupAlpha, double labelSmoothing) {
    /** Every batch as it is. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, false, false, 0, 0);

    public Augmentation {
        nonNegative("input noise σ", inputNoise);
        nonNegative("jitter σ", jitter);
        nonNegative("rotation angle θ", rotationDegrees);
        if (rotationDegrees > 180) throw new IllegalArgumentException("rotation angle θ must be at most 180°, got " + rotationDegrees);
        nonNegative("mixup α", mixupAlpha);
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
            throw new IllegalArgumentException("label smoothing ε must be at least 0 and below 1, got " + labelSmoothing);
        }
    }

    /** Whether the raw points change (jitter, rotation or a mirror), so the feature map must run per batch. */
    public boolean changesRawPoints() {
        return jitter > 0 || rotationDegrees > 0 || mirrorX || mirrorY;
    }

    public Augmentation withInputNoise(double sigma) {
        return new Augmentation(sigma, jitter, rotationDegrees, mirrorX, mirrorY, mixupAlpha, labelSmoothing);
    }

    public Augmentation withJitter(double sigma) {
        return new Augmentation(inputNoise, sigma, rotationDegrees, mirrorX, mirrorY, mixupAlpha, labelSmoothing);
    }

    public Augmentation withRotation(double degrees) {
        return new Augmentation(inputNoise, jitter, degrees, mirrorX, mirrorY, mixupAlpha, labelSmoothing);
    }

    public Augmentation withMirror(boolean x, boolean y) {
        return new Augmentation(inputNoise, jitter, rotationDegrees, x, y, mixupAlpha, labelSmoothing);
    }

    public Augmentation withMixup(double alpha) {
        return new Augmentation(inputNoise, jitter, rotationDegrees, mirrorX, mirrorY, alpha, labelSmoothing);
    }

    public Augmentation withLabelSmoothing(double epsilon) {
        return new Augmentation(inputNoise, jitter, rotationDegrees, mirrorX, mirrorY, mixupAlpha, epsilon);
    }

    private static void nonNegative(String what, double value) {
        if (!(value >= 0 && Double.isFinite(value))) throw new IllegalArgumentException(what + " must be 0 or more, got " + value);
    }
}
