package org.mlplayground.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.mlplayground.engine.Activation;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.train.TrainingConfig.HiddenLayer;

/**
 * The controls above hidden layer l's column in the {@link NetworkDiagram}: − n + neurons, Φ_l, dropout
 * rate p and the batch-norm toggle. It shows a {@link HiddenLayer} and hands a changed one to
 * {@code apply}; ids end in l ({@code #addNeuron1}, {@code #activation1}, …).
 */
final class LayerControls extends FlowPane {
    static final List<Double> DROPOUT_RATES = List.of(0.0, 0.1, 0.2, 0.3, 0.5);

    private final Button remove = new Button("\u2212");
    private final Button add = new Button("+");
    private final Label count = new Label();
    private final ComboBox<Activation> phi = new ComboBox<>();
    private final ComboBox<Double> dropout = new ComboBox<>();
    private final ToggleButton batchNorm = new ToggleButton("BN");
    private HiddenLayer shown;
    /** True while the controls are being set from the config, so they do not write it back. */
    private boolean updating;

    /** The layer's index l, 1-based as in the course. */
    private final int l;

    LayerControls(int l, Consumer<HiddenLayer> apply) {
        getStyleClass().add("layer-controls");
        setAlignment(Pos.TOP_CENTER);
        remove.setId("removeNeuron" + l);
        add.setId("addNeuron" + l);
        count.setId("neurons" + l);
        phi.setId("activation" + l);
        dropout.setId("dropout" + l);
        batchNorm.setId("batchNorm" + l);
        for (var b : List.of(remove, add, batchNorm)) b.setMnemonicParsing(false);
        remove.getStyleClass().add("diagram-button");
        add.getStyleClass().add("diagram-button");
        count.getStyleClass().add("neuron-count");
        // Style classes a lesson hides by (ControlHiding): Φ, dropout and batch norm of every layer at once.
        phi.getStyleClass().add("layer-phi");
        dropout.getStyleClass().add("layer-dropout");
        batchNorm.getStyleClass().add("layer-batch-norm");
        this.l = l;
        useLanguage(I18n.ENGLISH);

        phi.getItems().setAll(Activation.elementwiseChoices());
        phi.setConverter(new StringConverter<>() {
            @Override
            public String toString(Activation f) {
                return f == null ? "" : f.name();
            }

            @Override
            public Activation fromString(String name) {
                return Activation.byName(name);
            }
        });
        dropout.getItems().setAll(DROPOUT_RATES);
        dropout.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double p) {
                return p == null ? "" : "p=" + (p == 0 ? "0" : String.format(Locale.ROOT, "%s", p));
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text.replace("p=", ""));
            }
        });
        phi.setVisibleRowCount(Activation.elementwiseChoices().size());

        remove.setOnAction(e -> {
            if (shown.size() > 1) apply.accept(shown.withSize(shown.size() - 1));
        });
        add.setOnAction(e -> {
            if (shown.size() < TrainingConfig.MAX_NEURONS) apply.accept(shown.withSize(shown.size() + 1));
        });
        phi.setOnAction(e -> {
            if (!updating && phi.getValue() != null && !phi.getValue().equals(shown.phi())) {
                apply.accept(shown.withPhi(phi.getValue()));
            }
        });
        dropout.setOnAction(e -> {
            if (!updating && dropout.getValue() != null && dropout.getValue() != shown.dropout()) {
                apply.accept(shown.withDropout(dropout.getValue()));
            }
        });
        batchNorm.setOnAction(e -> {
            if (!updating) apply.accept(shown.withBatchNorm(batchNorm.isSelected()));
        });

        HBox neurons = new HBox(remove, count, add);
        neurons.getStyleClass().add("neuron-row");
        neurons.setAlignment(Pos.CENTER);
        getChildren().addAll(neurons, phi, dropout, batchNorm);
    }

    /** Shows {@code layer} without writing it back. */
    void show(HiddenLayer layer) {
        shown = layer;
        updating = true;
        try {
            count.setText(Integer.toString(layer.size()));
            remove.setDisable(layer.size() <= 1);
            add.setDisable(layer.size() >= TrainingConfig.MAX_NEURONS);
            phi.setValue(layer.phi());
            dropout.setValue(layer.dropout());
            batchNorm.setSelected(layer.batchNorm());
        } finally {
            updating = false;
        }
    }

    /** Lays the controls out for a column {@code width} wide: Φ gets its own line, the rest wrap as needed. */
    void fitTo(double width) {
        setPrefWrapLength(width);
        phi.setPrefWidth(width);
        phi.setMaxWidth(width);
        dropout.setMaxWidth(width);
    }

    /** Puts the tooltips in {@code i18n}'s language. */
    void useLanguage(I18n i18n) {
        remove.setTooltip(new Tooltip(i18n.text("layer.removeNeuron.tip", l)));
        add.setTooltip(new Tooltip(i18n.text("layer.addNeuron.tip", l, TrainingConfig.MAX_NEURONS)));
        count.setTooltip(new Tooltip(i18n.text("layer.neurons.tip", NumberText.sub(l), l)));
        phi.setTooltip(new Tooltip(i18n.text("layer.activation.tip", NumberText.sub(l), l)));
        dropout.setTooltip(new Tooltip(i18n.text("layer.dropout.tip", l)));
        batchNorm.setTooltip(new Tooltip(i18n.text("layer.batchNorm.tip", l)));
    }
}
