package org.mlplayground.ui.lab;

import java.util.function.DoubleFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.mlplayground.ui.lab.Method.Knob;
import org.mlplayground.ui.lab.RowSettings.ClipKind;
import org.mlplayground.ui.lab.RowSettings.ScheduleKind;

/**
 * One optimizer of the race: colour swatch, method, "on" box, remove button, and the settings its method
 * uses (the others are hidden). The learning rate is a log slider with an editable number; a number typed
 * that the optimizer refuses ("abc", a negative ε) shows an inline error and the old value stays. Every
 * control has an id ending in the row's number, e.g. {@code #labRate0}.
 */
final class OptimizerRow extends VBox {
    private final ObjectProperty<RowSettings> settings = new SimpleObjectProperty<>(this, "settings");
    private final int index;
    private final ComboBox<Method> method = new ComboBox<>();
    private final CheckBox enabled = new CheckBox("on");
    final Button remove = new Button("✕");
    private final Slider rate = new Slider(-4, 1, -2);
    private final TextField rateField = new TextField();
    private final Slider beta = new Slider(0, 0.999, 0.9), rho = new Slider(0, 0.999, 0.9);
    private final Slider beta1 = new Slider(0, 0.999, 0.9), beta2 = new Slider(0.9, 0.9999, 0.999);
    private final Label betaValue = new Label(), rhoValue = new Label(), beta1Value = new Label(), beta2Value = new Label();
    private final TextField epsilon = new TextField();
    private final ComboBox<ScheduleKind> schedule = new ComboBox<>();
    private final TextField scheduleParam = new TextField();
    private final ComboBox<ClipKind> clip = new ComboBox<>();
    private final TextField clipThreshold = new TextField();
    private final Slider lambda = new Slider(-3, 1, -1);
    private final Label lambdaValue = new Label();
    private final Spinner<Integer> memory = new Spinner<>(1, 20, 5);
    private final Label error = new Label();
    private final HBox rateBox, betaBox, rhoBox, beta1Box, beta2Box, epsilonBox, scheduleBox, clipBox, lambdaBox, memoryBox;
    /** True while the controls are being set from a new settings value, so they do not echo it back. */
    private boolean showing;

    OptimizerRow(int index, RowSettings initial) {
        this.index = index;
        getStyleClass().add("lab-row");
        setId("labRow" + index);
        Rectangle swatch = new Rectangle(16, 16, ContourPlot.COLORS[index % ContourPlot.COLORS.length]);
        swatch.getStyleClass().add("lab-swatch");
        method.getItems().setAll(Method.values());
        method.setVisibleRowCount(Method.values().length); // every method at a glance, no scrolling
        method.setId("labMethod" + index);
        method.setTooltip(new Tooltip("The method of this row: the optimizers that train the network, or a second-order "
                + "method (Newton, damped Newton, conjugate gradient, BFGS, L-BFGS)."));
        enabled.setId("labEnabled" + index);
        enabled.setTooltip(new Tooltip("Run and draw this row."));
        remove.setId("labRemove" + index);
        remove.setTooltip(new Tooltip("Remove this optimizer from the race."));
        remove.getStyleClass().add("lab-remove");
        Label name = new Label(Integer.toString(index + 1));
        HBox.setHgrow(method, Priority.ALWAYS);
        method.setMaxWidth(Double.MAX_VALUE);
        HBox header = new HBox(6, swatch, name, method, enabled, remove);
        header.setAlignment(Pos.CENTER_LEFT);

        rate.setId("labRate" + index);
        rate.setTooltip(new Tooltip("Learning rate γ₀ on a log scale, from 10⁻⁴ to 10."));
        rateField.setId("labRateField" + index);
        rateField.setTooltip(new Tooltip("Learning rate γ₀: type a number (e.g. 0.02 or 2e-3) and press Enter."));
        rateField.setPrefColumnCount(6);
        rateBox = knob("γ₀", rate, rateField);
        betaBox = knob("β", fraction(beta, betaValue, "labBeta", "Momentum β: the share of the old velocity kept each step."),
                betaValue);
        rhoBox = knob("ρ", fraction(rho, rhoValue, "labRho", "ρ: the share of the old average of g² kept each step."), rhoValue);
        beta1Box = knob("β1", fraction(beta1, beta1Value, "labBeta1", "Adam's β1: memory of the mean gradient."), beta1Value);
        beta2Box = knob("β2", fraction(beta2, beta2Value, "labBeta2", "Adam's β2: memory of the mean squared gradient."),
                beta2Value);
        epsilon.setId("labEpsilon" + index);
        epsilon.setPrefColumnCount(6);
        epsilon.setTooltip(new Tooltip("ε > 0 that keeps the denominator away from zero; type a number and press Enter."));
        epsilonBox = knob("ε", epsilon, null);
        schedule.getItems().setAll(ScheduleKind.values());
        schedule.setId("labSchedule" + index);
        schedule.setTooltip(new Tooltip("Learning-rate schedule γ_k: constant; γ₀e^(−αk); γ₀/(1+αk); halved every n steps; "
                + "cosine with restarts every T steps. The number beside it is α, n or T."));
        scheduleParam.setId("labScheduleParam" + index);
        scheduleParam.setPrefColumnCount(4);
        scheduleParam.setTooltip(new Tooltip("α of the exponential and inverse schedules, n of halving, T of cosine."));
        scheduleBox = knob("γ_k", schedule, scheduleParam);
        clip.getItems().setAll(ClipKind.values());
        clip.setId("labClip" + index);
        clip.setTooltip(new Tooltip("Gradient clipping: clamp each component to [−t, t], cap the norm at c, or scale to norm 1."));
        clipThreshold.setId("labClipThreshold" + index);
        clipThreshold.setPrefColumnCount(4);
        clipThreshold.setTooltip(new Tooltip("t of clipping by value, c of clipping by norm (> 0)."));
        clipBox = knob("clip", clip, clipThreshold);
        lambda.setId("labLambda" + index);
        lambda.setTooltip(new Tooltip("Damping λ of damped Newton, w ← w − (H + λI)⁻¹∇L, on a log scale from 10⁻³ to 10."));
        lambdaBox = knob("λ", lambda, lambdaValue);
        memory.setId("labMemory" + index);
        memory.setPrefWidth(80);
        memory.setTooltip(new Tooltip("m: how many recent (step, gradient change) pairs L-BFGS remembers."));
        lambdaValue.setMinWidth(56);
        memoryBox = knob("m", memory, null);
        error.setId("labError" + index);
        error.getStyleClass().add("lab-error");
        error.setWrapText(true);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);

        getChildren().addAll(header, rateBox, betaBox, rhoBox, beta1Box, beta2Box, epsilonBox, scheduleBox, clipBox, lambdaBox,
                memoryBox, error);
        for (HBox box : new HBox[] {rateBox, betaBox, rhoBox, beta1Box, beta2Box, epsilonBox, scheduleBox, clipBox, lambdaBox,
                memoryBox}) {
            box.managedProperty().bind(box.visibleProperty());
        }
        wire();
        show(initial);
    }

    ObjectProperty<RowSettings> settingsProperty() {
        return settings;
    }

    int index() {
        return index;
    }

    /** Shows {@code s} in the controls and makes it the row's settings. */
    void show(RowSettings s) {
        showing = true;
        try {
            method.setValue(s.method());
            enabled.setSelected(s.enabled());
            rate.setValue(Math.log10(s.rate()));
            rateField.setText(LabFormat.number(s.rate()));
            beta.setValue(s.beta());
            rho.setValue(s.rho());
            beta1.setValue(s.beta1());
            beta2.setValue(s.beta2());
            betaValue.setText(LabFormat.number(s.beta()));
            rhoValue.setText(LabFormat.number(s.rho()));
            beta1Value.setText(LabFormat.number(s.beta1()));
            beta2Value.setText(LabFormat.number(s.beta2()));
            epsilon.setText(LabFormat.number(s.epsilon()));
            schedule.setValue(s.schedule());
            scheduleParam.setText(s.schedule() == ScheduleKind.CONSTANT ? ""
                    : LabFormat.number(Double.isNaN(s.scheduleParam()) ? s.schedule().defaultParam : s.scheduleParam()));
            scheduleParam.setDisable(s.schedule() == ScheduleKind.CONSTANT);
            clip.setValue(s.clip());
            clipThreshold.setText(LabFormat.number(s.clipThreshold()));
            clipThreshold.setDisable(s.clip() == ClipKind.NONE || s.clip() == ClipKind.UNIT);
            lambda.setValue(Math.log10(s.lambda()));
            lambdaValue.setText(LabFormat.number(s.lambda()));
            memory.getValueFactory().setValue(s.memory());
            Method m = s.method();
            rateBox.setVisible(m.has(Knob.RATE));
            betaBox.setVisible(m.has(Knob.BETA));
            rhoBox.setVisible(m.has(Knob.RHO));
            beta1Box.setVisible(m.has(Knob.BETA1));
            beta2Box.setVisible(m.has(Knob.BETA2));
            epsilonBox.setVisible(m.has(Knob.EPSILON));
            scheduleBox.setVisible(m.has(Knob.SCHEDULE));
            clipBox.setVisible(m.has(Knob.CLIPPING));
            lambdaBox.setVisible(m.has(Knob.LAMBDA));
            memoryBox.setVisible(m.has(Knob.MEMORY));
        } finally {
            showing = false;
        }
        settings.set(s);
    }

    /** The inline message, or "" when the last input was accepted. */
    String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    private void wire() {
        method.valueProperty().addListener((o, was, m) -> {
            if (showing || m == null) return;
            RowSettings s = settings.get().withMethod(m);
            // a method's own starting rate when switching between families (Adadelta's γ is 1)
            if (m.firstOrder() && (was == null || !was.firstOrder() || m == Method.ADADELTA || was == Method.ADADELTA)) {
                s = s.withRate(s.hyperparameters().defaultLearningRate());
            }
            accept(s);
        });
        enabled.selectedProperty().addListener((o, was, on) -> {
            if (!showing) accept(settings.get().withEnabled(on));
        });
        rate.valueProperty().addListener((o, was, v) -> {
            if (!showing) accept(settings.get().withRate(roundRate(Math.pow(10, v.doubleValue()))));
        });
        typed(rateField, "learning rate γ₀", v -> {
            if (!(v > 0)) throw new IllegalArgumentException("learning rate γ₀ must be a number > 0, not " + LabFormat.number(v));
            return settings.get().withRate(v);
        });
        slider(beta, RowSettings::withBeta);
        slider(rho, RowSettings::withRho);
        slider(beta1, RowSettings::withBeta1);
        slider(beta2, RowSettings::withBeta2);
        typed(epsilon, "ε", v -> settings.get().withEpsilon(v));
        schedule.valueProperty().addListener((o, was, k) -> {
            if (!showing && k != null) accept(settings.get().withSchedule(k, k.defaultParam));
        });
        typed(scheduleParam, "the schedule's number", v -> settings.get().withSchedule(settings.get().schedule(), v));
        clip.valueProperty().addListener((o, was, k) -> {
            if (!showing && k != null) accept(settings.get().withClip(k, settings.get().clipThreshold()));
        });
        typed(clipThreshold, "clipping threshold", v -> settings.get().withClip(settings.get().clip(), v));
        lambda.valueProperty().addListener((o, was, v) -> {
            if (!showing) accept(settings.get().withLambda(roundRate(Math.pow(10, v.doubleValue()))));
        });
        memory.valueProperty().addListener((o, was, m) -> {
            if (!showing && m != null) accept(settings.get().withMemory(m));
        });
    }

    private interface With {
        RowSettings with(RowSettings s, double v);
    }

    private void slider(Slider s, With with) {
        s.valueProperty().addListener((o, was, v) -> {
            if (!showing) accept(with.with(settings.get(), Math.round(v.doubleValue() * 10000) / 10000.0));
        });
    }

    /** A text field read on Enter and when it loses focus; a refused number leaves the old value. */
    private void typed(TextField field, String what, DoubleFunction<RowSettings> with) {
        Runnable read = () -> {
            if (showing) return;
            try {
                accept(with.apply(LabFormat.parse(what, field.getText())));
            } catch (IllegalArgumentException e) {
                error.setText(e.getMessage());
                error.setVisible(true);
                field.getStyleClass().add("lab-invalid");
            }
        };
        field.setOnAction(e -> read.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) read.run();
        });
    }

    /** Checks the new settings with the optim package's own rules, then shows them, or shows why not. */
    private void accept(RowSettings s) {
        try {
            if (s.method().firstOrder()) {
                s.hyperparameters();
                s.rates();
            }
            s.clipping();
        } catch (IllegalArgumentException e) {
            error.setText(e.getMessage());
            error.setVisible(true);
            show(settings.get());
            return;
        }
        error.setVisible(false);
        for (TextField f : new TextField[] {rateField, epsilon, scheduleParam, clipThreshold}) f.getStyleClass().remove("lab-invalid");
        show(s);
    }

    /** Three significant digits, so that a slider shows 0.0316, not 0.031622776601683794. */
    private static double roundRate(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    }

    private Slider fraction(Slider s, Label value, String id, String tip) {
        s.setId(id + index);
        s.setTooltip(new Tooltip(tip));
        value.setMinWidth(56);
        return s;
    }

    private static HBox knob(String label, Node control, Node value) {
        Label l = new Label(label);
        l.setMinWidth(34);
        l.getStyleClass().add("lab-knob-label");
        HBox box = value == null ? new HBox(6, l, control) : new HBox(6, l, control, value);
        box.setAlignment(Pos.CENTER_LEFT);
        if (control instanceof Slider sl) {
            HBox.setHgrow(sl, Priority.ALWAYS);
            sl.setMaxWidth(Double.MAX_VALUE);
        }
        return box;
    }
}
