package org.mlplayground.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.util.StringConverter;
import org.mlplayground.train.Penalty;

/**
 * The REGULARISATION section of the side panel (regularization.fxml): the weight penalty, its rate λ and
 * the dropout rate p of the hidden layers, as a student picks them; below them the training cost split
 * into the data term C₀ and the penalty, and how many weights L1 has made exactly zero.
 *
 * <p>The panel knows nothing of training threads: it offers the choice as {@link #penaltyProperty()} and
 * {@link #dropoutProperty()}, and its numbers come from the {@link #snapshotProperty() snapshot on display}.
 * A rate λ that is not a number ≥ 0 is refused in a message under the controls; the rate in use stays.
 */
final class RegularizationPanel {
    /** TensorFlow Playground's regularisation rates. */
    static final List<Double> RATES = List.of(0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0);
    /** Strong enough that the penalty shows in the numbers at once, weak enough that the circle is still learnt. */
    static final double DEFAULT_RATE = 0.3;
    static final List<Double> DROPOUT_RATES = List.of(0.0, 0.1, 0.2, 0.3, 0.5);

    private final ReadOnlyObjectWrapper<Penalty> penalty = new ReadOnlyObjectWrapper<>(this, "penalty", new Penalty.None());
    private final ReadOnlyDoubleWrapper dropout = new ReadOnlyDoubleWrapper(this, "dropout", 0);
    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    /** The λ last accepted; a bad entry leaves it as it is. */
    private double rate = DEFAULT_RATE;

    @FXML private ToggleGroup kind;
    @FXML private ComboBox<String> lambda;
    @FXML private ComboBox<Double> dropoutRate;
    @FXML private Label rateProblem;
    @FXML private Node costRows;
    @FXML private Label dataTerm;
    @FXML private Label penaltyTerm;
    @FXML private Node zeroWeightsRow;
    @FXML private Label zeroWeights;

    @FXML
    private void initialize() {
        kind.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a segmented choice: clicking the selected button keeps it
            } else {
                postPenalty();
            }
        });
        lambda.getItems().setAll(RATES.stream().map(RegularizationPanel::format).toList());
        lambda.setValue(format(rate));
        lambda.valueProperty().addListener((obs, old, typed) -> acceptRate(typed));
        lambda.disableProperty().bind(Bindings.createBooleanBinding(() -> idOf(kind.getSelectedToggle()).equals("none"),
                kind.selectedToggleProperty()));
        dropoutRate.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double p) {
                return p == null ? "" : format(p);
            }

            @Override
            public Double fromString(String text) {
                return Double.valueOf(text);
            }
        });
        dropoutRate.getItems().setAll(DROPOUT_RATES);
        dropoutRate.setValue(0.0);
        dropout.bind(Bindings.createDoubleBinding(() -> dropoutRate.getValue(), dropoutRate.valueProperty()));

        rateProblem.visibleProperty().bind(rateProblem.textProperty().isNotEmpty());
        rateProblem.managedProperty().bind(rateProblem.visibleProperty());
        // What the trainer runs with, not what the controls say: the numbers belong to the snapshot.
        showWhile(costRows, s -> !(s.regularization().penalty() instanceof Penalty.None));
        showWhile(zeroWeightsRow, s -> s.regularization().penalty() instanceof Penalty.L1);
        dataTerm.textProperty().bind(show(s -> String.format("%.4f", s.trainLoss())));
        penaltyTerm.textProperty().bind(show(s -> String.format("%.4f", s.penalty())));
        zeroWeights.textProperty().bind(show(s -> String.format("%d of %d", s.zeroWeights(), s.weightCount())));
    }

    private void showWhile(Node node, Predicate<Snapshot> condition) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> snapshot.get() != null && condition.test(snapshot.get()), snapshot));
        node.managedProperty().bind(node.visibleProperty());
    }

    private StringBinding show(Function<Snapshot, String> format) {
        return Bindings.createStringBinding(() -> snapshot.get() == null ? "" : format.apply(snapshot.get()), snapshot);
    }

    /** The penalty chosen, with the rate λ typed or picked (ignored for none). */
    ReadOnlyObjectProperty<Penalty> penaltyProperty() {
        return penalty.getReadOnlyProperty();
    }

    /** The dropout rate p chosen for every hidden layer. */
    ReadOnlyDoubleProperty dropoutProperty() {
        return dropout.getReadOnlyProperty();
    }

    /** The snapshot on display, whose numbers the panel shows. */
    ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** Sets the controls as a student would: this penalty (and its λ, unless none) and dropout rate. */
    void choose(Penalty chosen, double p) {
        if (!(chosen instanceof Penalty.None)) lambda.setValue(format(chosen.lambda()));
        for (Toggle t : kind.getToggles()) if (idOf(t).equals(chosen.id())) t.setSelected(true);
        if (!dropoutRate.getItems().contains(p)) dropoutRate.getItems().add(p);
        dropoutRate.setValue(p);
    }

    private void acceptRate(String typed) {
        if (typed == null || typed.equals(format(rate))) return;
        try {
            rate = parseRate(typed);
            rateProblem.setText("");
            postPenalty();
        } catch (IllegalArgumentException e) {
            rateProblem.setText(e.getMessage() + "; keeping " + format(rate) + ".");
        }
        lambda.setValue(format(rate)); // "3.0" shows as "3"; a bad entry shows the rate kept
    }

    private void postPenalty() {
        penalty.set(Penalty.of(idOf(kind.getSelectedToggle()), rate));
    }

    private static String idOf(Toggle toggle) {
        return (String) toggle.getUserData();
    }

    /**
     * λ from what a student typed: a number ≥ 0; a decimal comma is read as a point.
     *
     * @throws IllegalArgumentException naming the setting and the text
     */
    static double parseRate(String text) {
        String number = text.trim();
        if (!number.contains(".")) number = number.replace(',', '.');
        try {
            double value = Double.parseDouble(number);
            if (value >= 0 && Double.isFinite(value)) return value;
        } catch (NumberFormatException e) {
            // reported below with the same message as a negative number
        }
        throw new IllegalArgumentException("Rate λ needs a number ≥\u00a00, got '" + text.trim() + "'");
    }

    /** 0.03 as "0.03", 3.0 as "3": the shortest exact decimal. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
