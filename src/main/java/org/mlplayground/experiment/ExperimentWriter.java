package org.mlplayground.experiment;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.mlplayground.data.DataRecipe;
import org.mlplayground.data.Dataset;
import org.mlplayground.data.Feature;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.optim.AdaGrad;
import org.mlplayground.optim.Adadelta;
import org.mlplayground.optim.Adam;
import org.mlplayground.optim.DeltaBarDelta;
import org.mlplayground.optim.Hyperparameters;
import org.mlplayground.optim.Momentum;
import org.mlplayground.optim.Nesterov;
import org.mlplayground.optim.RmsProp;
import org.mlplayground.optim.RmsPropNesterov;
import org.mlplayground.train.Augmentation;
import org.mlplayground.train.Checkpoint;
import org.mlplayground.train.DownsampledHistory;
import org.mlplayground.train.EarlyStopping;
import org.mlplayground.train.EpochMetrics;
import org.mlplayground.train.TrainingConfig;

/**
 * Writes an {@link Experiment} as JSON a person can read and edit: explicit field names in a fixed order,
 * enums by their ids ("tanh", "adam", "xavier"), one line per list of numbers, every double in the shortest
 * text that reads back as the same double, and NaN and ±infinity (metrics without a test set, say) as the
 * strings "NaN", "Infinity", "-Infinity". The layout is documented by {@link ExperimentReader}, which reads it back.
 */
public final class ExperimentWriter {
    /** What the "format" field says, so a stray JSON file is recognised as not an experiment. */
    public static final String FORMAT = "mlp-playground-experiment";

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ExperimentWriter() {
    }

    /** Writes {@code e} to {@code out} as UTF-8 JSON; leaves {@code out} open. */
    public static void write(Experiment e, OutputStream out) throws IOException {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(printer);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", Experiment.FORMAT_VERSION);
            g.writeFieldName("config");
            config(g, e.config());
            g.writeFieldName("data");
            data(g, e.data());
            if (e.state() != null) {
                Network shape = Network.create(e.config().spec(e.outputs()), e.config().init(), 0);
                g.writeFieldName("state");
                state(g, e.state(), shape);
                g.writeFieldName("history");
                history(g, e.state().history());
            }
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void config(JsonGenerator g, TrainingConfig c) throws IOException {
        g.writeStartObject();
        g.writeFieldName("data");
        recipe(g, c.data());
        g.writeArrayFieldStart("features");
        for (Feature f : c.features()) g.writeString(f.id());
        g.writeEndArray();
        g.writeBooleanField("standardize", c.standardize());
        g.writeArrayFieldStart("hidden");
        for (TrainingConfig.HiddenLayer layer : c.hidden()) {
            g.writeStartObject();
            g.writeNumberField("neurons", layer.size());
            g.writeStringField("activation", layer.phi().name());
            if (layer.phi() instanceof Activation.LeakyRelu r) g.writeNumberField("slope", r.slope());
            if (layer.phi() instanceof Activation.Elu elu) g.writeNumberField("alpha", elu.alpha());
            g.writeNumberField("dropout", layer.dropout());
            g.writeBooleanField("batchNorm", layer.batchNorm());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("problem", c.problem().id());
        g.writeStringField("initializer", c.init().id());
        g.writeFieldName("optimizer");
        optimizer(g, c.optimizer());
        g.writeNumberField("learningRate", c.learningRate());
        g.writeNumberField("batchSize", c.batchSize());
        g.writeObjectFieldStart("penalty");
        g.writeStringField("kind", c.penalty().id());
        if (!(c.penalty() instanceof org.mlplayground.train.Penalty.None)) g.writeNumberField("lambda", c.penalty().lambda());
        g.writeEndObject();
        Augmentation a = c.augmentation();
        g.writeObjectFieldStart("augmentation");
        g.writeNumberField("inputNoise", a.inputNoise());
        g.writeNumberField("jitter", a.jitter());
        g.writeNumberField("rotationDegrees", a.rotationDegrees());
        g.writeBooleanField("mirrorX", a.mirrorX());
        g.writeBooleanField("mirrorY", a.mirrorY());
        g.writeNumberField("mixupAlpha", a.mixupAlpha());
        g.writeNumberField("labelSmoothing", a.labelSmoothing());
        g.writeEndObject();
        g.writeFieldName("earlyStopping");
        earlyStopping(g, c.earlyStopping());
        g.writeNumberField("seed", c.seed());
        g.writeEndObject();
    }

    private static void earlyStopping(JsonGenerator g, EarlyStopping rule) throws IOException {
        if (rule == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("patience", rule.patience());
        g.writeNumberField("minDelta", rule.minDelta());
        g.writeEndObject();
    }

    private static void recipe(JsonGenerator g, DataRecipe r) throws IOException {
        g.writeStartObject();
        g.writeStringField("generator", r.generator().id());
        g.writeNumberField("points", r.points());
        g.writeNumberField("noise", r.noise());
        g.writeNumberField("trainShare", r.trainShare());
        g.writeNumberField("validationShare", r.validationShare());
        g.writeNumberField("seed", r.seed());
        g.writeNumberField("classes", r.classes());
        g.writeEndObject();
    }

    private static void optimizer(JsonGenerator g, Hyperparameters h) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", h.id());
        if (h instanceof Momentum.Settings m) {
            g.writeNumberField("beta", m.beta());
        } else if (h instanceof Nesterov.Settings n) {
            g.writeNumberField("beta", n.beta());
        } else if (h instanceof AdaGrad.Settings a) {
            g.writeNumberField("epsilon", a.epsilon());
        } else if (h instanceof RmsProp.Settings r) {
            g.writeNumberField("rho", r.rho());
            g.writeNumberField("epsilon", r.epsilon());
        } else if (h instanceof RmsPropNesterov.Settings r) {
            g.writeNumberField("beta", r.beta());
            g.writeNumberField("rho", r.rho());
            g.writeNumberField("epsilon", r.epsilon());
        } else if (h instanceof Adadelta.Settings a) {
            g.writeNumberField("rho", a.rho());
            g.writeNumberField("epsilon", a.epsilon());
        } else if (h instanceof Adam.Settings a) {
            g.writeNumberField("beta1", a.beta1());
            g.writeNumberField("beta2", a.beta2());
            g.writeNumberField("epsilon", a.epsilon());
        } else if (h instanceof DeltaBarDelta.Settings d) {
            g.writeNumberField("kappa", d.kappa());
            g.writeNumberField("phi", d.phi());
            g.writeNumberField("theta", d.theta());
        }
        g.writeEndObject();
    }

    private static void data(JsonGenerator g, ExperimentData data) throws IOException {
        g.writeStartObject();
        if (data instanceof ExperimentData.Points p) {
            g.writeStringField("source", "points");
            g.writeStringField("name", p.name());
            g.writeStringField("task", p.task().name().toLowerCase(java.util.Locale.ROOT));
            strings(g, "classNames", p.classNames());
            strings(g, "inputNames", p.inputNames());
            g.writeObjectFieldStart("plane");
            g.writeNumberField("xMin", p.plane().xMin());
            g.writeNumberField("xMax", p.plane().xMax());
            g.writeNumberField("yMin", p.plane().yMin());
            g.writeNumberField("yMax", p.plane().yMax());
            g.writeEndObject();
            dataset(g, "train", p.train());
            dataset(g, "validation", p.validation());
            dataset(g, "test", p.test());
        } else {
            g.writeStringField("source", "recipe");
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    private static void dataset(JsonGenerator g, String field, Dataset d) throws IOException {
        g.writeFieldName(field);
        if (d == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("name", d.name());
        strings(g, "classNames", d.classNames());
        g.writeArrayFieldStart("x");
        for (double[] p : d.x()) numbers(g, p);
        g.writeEndArray();
        g.writeFieldName("y");
        numbers(g, d.y());
        g.writeEndObject();
    }

    private static void numbers(JsonGenerator g, double[] values) throws IOException {
        g.writeArray(values, 0, values.length);
    }

    private static void state(JsonGenerator g, Checkpoint c, Network shape) throws IOException {
        g.writeStartObject();
        g.writeNumberField("epoch", c.epoch());
        g.writeNumberField("step", c.step());
        g.writeNumberField("position", c.position());
        g.writeFieldName("order");
        g.writeArray(c.order(), 0, c.order().length);
        random(g, "shuffleRandom", c.shuffle());
        random(g, "remedyRandom", c.remedies());
        g.writeFieldName("weights");
        blocks(g, c.weights(), shape.parameters());
        g.writeArrayFieldStart("batchNormStatistics");
        for (double[] s : c.statistics()) numbers(g, s);
        g.writeEndArray();
        g.writeObjectFieldStart("optimizer");
        g.writeNumberField("count", c.optimizer().count());
        g.writeArrayFieldStart("blocks");
        for (double[][] block : c.optimizer().arrays()) {
            g.writeStartArray();
            for (double[] slot : block) numbers(g, slot);
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeNumberField("lastBatchLoss", c.lastBatchLoss());
        Checkpoint.BestEpoch best = c.earlyStopping();
        g.writeFieldName("earlyStopping");
        if (best == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeNumberField("bestEpoch", best.epoch());
            g.writeNumberField("bestValidationLoss", best.validationLoss());
            g.writeArrayFieldStart("bestWeights");
            for (double[] w : best.weights()) numbers(g, w);
            g.writeEndArray();
            g.writeArrayFieldStart("bestStatistics");
            for (double[] s : best.statistics()) numbers(g, s);
            g.writeEndArray();
            g.writeFieldName("stop");
            if (best.stop() == null) {
                g.writeNull();
            } else {
                g.writeStartObject();
                g.writeNumberField("epoch", best.stop().epoch());
                g.writeNumberField("bestEpoch", best.stop().bestEpoch());
                g.writeNumberField("bestValidationLoss", best.stop().bestValidationLoss());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Parameter blocks by name: "W1": [...], "b1": [...], … (W row-major, one row per neuron of the layer). */
    private static void blocks(JsonGenerator g, List<double[]> values, List<Parameter> names) throws IOException {
        g.writeStartObject();
        for (int b = 0; b < values.size(); b++) {
            g.writeFieldName(names.get(b).name());
            numbers(g, values.get(b));
        }
        g.writeEndObject();
    }

    private static void random(JsonGenerator g, String name, Checkpoint.RandomState r) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("seed", r.seed());
        g.writeNumberField("gamma", r.gamma());
        g.writeEndObject();
    }

    private static void history(JsonGenerator g, DownsampledHistory.Saved<EpochMetrics> h) throws IOException {
        g.writeStartObject();
        g.writeNumberField("added", h.added());
        g.writeNumberField("stride", h.stride());
        g.writeFieldName("first");
        metrics(g, h.first());
        g.writeArrayFieldStart("buckets");
        for (EpochMetrics m : h.buckets()) metrics(g, m);
        g.writeEndArray();
        g.writeFieldName("latest");
        metrics(g, h.latest());
        g.writeNumberField("pendingCount", h.pendingCount());
        g.writeFieldName("pendingSum");
        metrics(g, h.pendingSum());
        g.writeEndObject();
    }

    private static void metrics(JsonGenerator g, EpochMetrics m) throws IOException {
        if (m == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("epoch", m.epoch());
        g.writeNumberField("step", m.step());
        g.writeNumberField("trainLoss", m.trainLoss());
        g.writeNumberField("trainAccuracy", m.trainAccuracy());
        g.writeNumberField("testLoss", m.testLoss());
        g.writeNumberField("testAccuracy", m.testAccuracy());
        g.writeNumberField("penalty", m.penalty());
        g.writeNumberField("validationLoss", m.validationLoss());
        g.writeNumberField("validationAccuracy", m.validationAccuracy());
        g.writeEndObject();
    }
}
