package org.mlplayground.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class FeatureMapTest {

    @Test
    void everyFeatureAtAPointByHand() {
        double x1 = 1.5, x2 = -0.5;
        FeatureMap all = FeatureMap.of(EnumSet.allOf(Feature.class));
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        all.apply(new DMatrixRMaj(2, 1, true, x1, x2), out);
        double[] expected = {1.5, -0.5, 2.25, 0.25, -0.75, Math.sin(1.5), Math.sin(-0.5), Math.cos(1.5), Math.cos(-0.5)};
        assertEquals(9, out.numRows);
        for (int i = 0; i < 9; i++) assertEquals(expected[i], out.get(i, 0), 0.0, all.features().get(i).id());
    }

    @Test
    void featuresComeInEnumOrderWhateverTheSelectionOrder() {
        FeatureMap map = FeatureMap.of(Feature.SIN_X2, Feature.X1_SQUARED, Feature.X1);
        assertEquals(List.of(Feature.X1, Feature.X1_SQUARED, Feature.SIN_X2), map.features());
        DMatrixRMaj raw = new DMatrixRMaj(new double[][] {{2, 3}, {0.5, -1}});
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        map.apply(raw, out);
        assertEquals(3, out.numRows);
        assertEquals(2, out.numCols);
        assertEquals(3, out.get(0, 1), 0.0);
        assertEquals(9, out.get(1, 1), 0.0);
        assertEquals(Math.sin(-1), out.get(2, 1), 0.0);
    }

    @Test
    void onlyX1AndX2IsTheIdentity() {
        assertTrue(FeatureMap.of(Feature.X1, Feature.X2).isIdentity());
        assertFalse(FeatureMap.of(Feature.X1).isIdentity());
        assertFalse(FeatureMap.of(Feature.X1, Feature.X2, Feature.X1_TIMES_X2).isIdentity());
    }

    @Test
    void mappingADatasetKeepsLabelsAndCountsFeatures() {
        Dataset data = new Dataset("two", new double[][] {{1, 2}, {-1, 0}}, new double[] {1, -1});
        Dataset mapped = FeatureMap.of(Feature.X1_TIMES_X2, Feature.COS_X2).applyTo(data);
        assertEquals(2, mapped.inputSize());
        assertEquals(2.0, mapped.x()[0][0], 0.0);
        assertEquals(Math.cos(0), mapped.x()[1][1], 0.0);
        assertEquals(-1, mapped.y()[1], 0.0);
    }

    @Test
    void noFeatureOrAnUnknownOneIsRefused() {
        assertEquals("select at least one input feature",
                assertThrows(IllegalArgumentException.class, () -> FeatureMap.of(EnumSet.noneOf(Feature.class))).getMessage());
        assertEquals(Feature.X1_SQUARED, Feature.byId("x1^2"));
        assertEquals(Feature.SIN_X1, Feature.byId("SIN_X1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Feature.byId("tan(x1)"));
        assertTrue(e.getMessage().startsWith("unknown feature 'tan(x1)'; known: x1, x2, x1^2"), e.getMessage());
    }
}
