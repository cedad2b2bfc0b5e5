package org.mlplayground.experiment;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.mlplayground.data.Feature;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.engine.Parameter;

/**
 * A network's weights as JSON for a student to read or load elsewhere: the shape ("2-4-2-1"), the inputs, the
 * loss, then per layer l its activation Φ_l and every parameter block in the course's layout: W_l as n_l rows of
 * n_{l−1} numbers (row j holds the weights into neuron j, so a_l = W_l h_{l−1} + b_l), b_l, and γ_l, β_l with
 * batch norm. Numbers in full precision.
 */
public final class WeightsJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private WeightsJson() {
    }

    /** Writes {@code net} (inputs named by {@code features}) to {@code out}; leaves {@code out} open. */
    public static void write(Network net, List<Feature> features, OutputStream out) throws IOException {
        NetworkSpec spec = net.spec();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeStringField("shape", spec.shape());
            g.writeArrayFieldStart("inputs");
            for (Feature f : features) g.writeString(f.id());
            g.writeEndArray();
            g.writeStringField("loss", spec.loss().name().toLowerCase(java.util.Locale.ROOT));
            g.writeArrayFieldStart("layers");
            List<Parameter> params = net.parameters();
            for (int l = 1; l <= spec.depth(); l++) {
                g.writeStartObject();
                g.writeNumberField("layer", l);
                g.writeStringField("activation", spec.layer(l).phi().name());
                int rows = spec.size(l);
                for (Parameter p : params) {
                    if (p.layer() != l) continue;
                    String name = p.name().substring(0, p.name().length() - String.valueOf(l).length());
                    if (p.weight()) {
                        int cols = p.size() / rows;
                        g.writeArrayFieldStart(name);
                        for (int r = 0; r < rows; r++) g.writeArray(p.value(), r * cols, cols);
                        g.writeEndArray();
                    } else {
                        g.writeFieldName(name);
                        g.writeArray(p.value(), 0, p.size());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }
}
