package org.mlplayground.experiment;

import java.util.List;
import org.mlplayground.train.EpochMetrics;

/**
 * The metric history as CSV, one row per point of the history (per epoch, or per bucket of epochs once a long
 * run is downsampled): {@value #HEADER}. Numbers in full precision (the shortest text that reads back as the same
 * double); a value the run does not have (a test loss without a test set, accuracy for regression) is NaN.
 */
public final class MetricsCsv {
    public static final String HEADER = "epoch,step,trainLoss,testLoss,trainAccuracy,testAccuracy,penalty,validationLoss,"
            + "validationAccuracy";

    private MetricsCsv() {
    }

    /** One row, without a line end. */
    public static String row(EpochMetrics m) {
        return m.epoch() + "," + m.step() + "," + m.trainLoss() + "," + m.testLoss() + "," + m.trainAccuracy() + ","
                + m.testAccuracy() + "," + m.penalty() + "," + m.validationLoss() + "," + m.validationAccuracy();
    }

    /** The header and every row, each line ending in \n. */
    public static String of(List<EpochMetrics> history) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics m : history) csv.append(row(m)).append('\n');
        return csv.toString();
    }
}
