package org.mlplayground.data;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * The selected {@link Feature}s of a 2-D point, in the order of the enum (x1, x2, x1², …), as the network's
 * inputs: the input layer has one neuron per selected feature.
 */
public final class FeatureMap implements InputMap {
    private final Feature[] features;

    private FeatureMap(Set<Feature> selected) {
        if (selected.isEmpty()) throw new IllegalArgumentException("select at least one input feature");
        this.features = EnumSet.copyOf(selected).toArray(new Feature[0]);
    }

    /** The map computing these features (in enum order, whatever the order given). */
    public static FeatureMap of(Set<Feature> selected) {
        return new FeatureMap(selected);
    }

    public static FeatureMap of(Feature first, Feature... rest) {
        return new FeatureMap(EnumSet.of(first, rest));
    }

    /** The selected features, in input order. */
    public List<Feature> features() {
        return List.of(features);
    }

    @Override
    public int inputSize() {
        return 2;
    }

    @Override
    public int outputSize() {
        return features.length;
    }

    @Override
    public boolean isIdentity() {
        return features.length == 2 && features[0] == Feature.X1 && features[1] == Feature.X2;
    }

    @Override
    public void apply(DMatrixRMaj raw, DMatrixRMaj out) {
        if (raw.numRows != 2) throw new IllegalArgumentException("features are computed from 2-D points, got " + raw.numRows + " rows");
        int n = raw.numCols;
        out.reshape(features.length, n);
        double[] r = raw.data, o = out.data;
        for (int f = 0; f < features.length; f++) {
            Feature feature = features[f];
            int row = f * n;
            for (int c = 0; c < n; c++) o[row + c] = feature.of(r[c], r[n + c]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureMap other && java.util.Arrays.equals(features, other.features);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(features);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Feature f : features) s.append(s.length() == 0 ? "" : ", ").append(f.id());
        return s.toString();
    }
}
