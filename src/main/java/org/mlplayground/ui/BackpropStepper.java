package org.mlplayground.ui;

import static org.mlplayground.ui.NumberText.sub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.data.InputMap;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.train.BackpropTrace;
import org.mlplayground.train.BackpropTrace.Kind;
import org.mlplayground.train.BackpropTrace.LayerTrace;
import org.mlplayground.train.BackpropTrace.Stage;

/**
 * One training step taken apart (COURSE.md §3): Forward 1 … Forward L, Loss, Backward L … Backward 1,
 * Update, one stage at a time. Each stage shows the network with the layer at work highlighted and the
 * flowing quantity (h forward, δ backward) on its neurons, the stage's formula typeset, and its numbers as
 * tables, for one example of the mini-batch or averaged over it. Hovering a number marks the numbers it was
 * computed from and writes the sum out; beside every gradient stands its finite-difference check. The update
 * stage shows every parameter block before, the step, after, and the decision boundary before and after.
 *
 * <p>Stepping is pure view state: it only chooses what of the {@link #traceProperty() trace} to show. The
 * next real training step comes from outside, through {@link #setOnNewStep}.
 */
public final class BackpropStepper extends BorderPane {
    /** {@link #exampleColumnProperty()} value for "the whole mini-batch, averaged". */
    public static final int BATCH_MEAN = TraceView.BATCH_MEAN;
    /** Points per side of the decision-boundary heatmaps. */
    static final int BOUNDARY_GRID = 60;
    private static final double BOUNDARY_SIZE = 120;

    private final ObjectProperty<BackpropTrace> trace = new SimpleObjectProperty<>(this, "trace");
    private final ReadOnlyIntegerWrapper stageIndex = new ReadOnlyIntegerWrapper(this, "stageIndex", 0);
    private final IntegerProperty exampleColumn = new SimpleIntegerProperty(this, "exampleColumn", BATCH_MEAN);
    private Runnable onNewStep = () -> { };
    private IntConsumer onExampleMode = c -> { };
    private InputMap inputMap;
    /** The plane the run's data live in, for the boundaries of the update stage. */
    private Plane plane = Plane.STANDARD;

    private final Button restart = button("Restart step", "restartStage", "Back to Forward 1 of this step (nothing is recomputed)");
    private final Button previous = button("◀ Previous", "previousStage", "The stage before (← key)");
    private final Button next = button("Next ▶", "nextStage", "The stage after (→ key)");
    private final Button runToEnd = button("Run to end", "runToEnd", "Jump to the update at the end of this step");
    private final Button nextStep = button("Next step ▶▶", "nextStep", "Take the next real training step and trace it");
    private final ComboBox<Integer> exampleChoice = new ComboBox<>();
    private final Label stepInfo = new Label();
    private final FlowPane chips = new FlowPane(6, 6);
    private final StepperDiagram diagram = new StepperDiagram();
    private final Label stageTitle = new Label();
    /** At a backward stage: the tables give way to the sum over paths of one weight ({@link PathsPanel}). */
    private final ToggleButton showPaths = new ToggleButton("Paths");
    private final Label showLabel = new Label("Show:");
    /** The language of the stepper's frame: buttons, stage names, the step line and each stage's lead (the notes beside the tables and the hover details stay English). */
    private I18n i18n = I18n.ENGLISH;
    private final PathsPanel paths = new PathsPanel();
    private final Label stageLead = new Label();
    private final VBox formulas = new VBox(2);
    private final VBox tablesBox = new VBox(14);
    private final Label caption = new Label();
    /** The decision boundary before and after the step, under the diagram in the update stage. */
    private final VBox boundaryBox = new VBox(4);
    private final TexRenderer tex = new TexRenderer(21f);
    private final Map<String, MatrixTable> tables = new LinkedHashMap<>();
    private GradientCheckTable check;
    private String idleCaption = "";
    private boolean syncingChoice;

    private BackpropTrace boundaryTrace;
    private ImageView[] boundaries;

    public BackpropStepper() {
        getStyleClass().add("backprop-stepper");
        getStylesheets().add(Objects.requireNonNull(BackpropStepper.class.getResource("stepper.css")).toExternalForm());
        setFocusTraversable(true);

        restart.setOnAction(e -> restart());
        previous.setOnAction(e -> previous());
        next.setOnAction(e -> next());
        runToEnd.setOnAction(e -> runToEnd());
        nextStep.setOnAction(e -> onNewStep.run());
        nextStep.getStyleClass().add("next-step");

        exampleChoice.setId("exampleChoice");
        exampleChoice.setTooltip(tip("Show the numbers of one example of the mini-batch, or their mean over the batch"));
        exampleChoice.setButtonCell(new ChoiceCell());
        exampleChoice.setCellFactory(v -> new ChoiceCell());
        exampleChoice.valueProperty().addListener((o, was, now) -> {
            if (!syncingChoice && now != null) exampleColumn.set(now);
        });
        exampleColumn.addListener((o, was, now) -> {
            syncChoice();
            onExampleMode.accept(now.intValue());
            refresh();
        });
        stepInfo.setId("stepInfo");
        stepInfo.getStyleClass().add("step-info");

        showLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox show = new HBox(6, showLabel, exampleChoice);
        show.setAlignment(Pos.CENTER_LEFT);
        FlowPane toolbar = new FlowPane(8, 6, restart, previous, next, runToEnd, nextStep, gap(), show);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("stepper-toolbar");
        chips.setId("stageChips");
        chips.getStyleClass().add("stage-chips");
        VBox top = new VBox(6, toolbar, chips, stepInfo);
        top.setPadding(new Insets(8, 10, 6, 10));
        setTop(top);

        diagram.setId("stepperDiagram");
        VBox.setVgrow(diagram, Priority.ALWAYS);
        boundaryBox.setId("boundaries");
        boundaryBox.getStyleClass().add("boundaries");
        boundaryBox.managedProperty().bind(boundaryBox.visibleProperty());
        VBox left = new VBox(8, diagram, boundaryBox);
        left.prefWidthProperty().bind(widthProperty().multiply(0.3));
        left.setMinWidth(280);
        left.setMaxWidth(400);
        left.setPadding(new Insets(0, 0, 10, 0));

        stageTitle.getStyleClass().add("stage-title");
        stageTitle.setId("stageTitle");
        stageLead.getStyleClass().add("stage-lead");
        showPaths.setId("showPaths");
        showPaths.getStyleClass().add("stepper-button");
        showPaths.setMinWidth(Region.USE_PREF_SIZE);
        showPaths.setTooltip(tip("List every path from one weight of this layer to the loss and add them up by hand:"
                + "\nthe chain rule's sum, which backprop computes layer by layer (or click an entry of ∂L/∂W)"));
        showPaths.managedProperty().bind(showPaths.visibleProperty());
        showPaths.selectedProperty().addListener((o, was, now) -> refresh());
        Region titleGap = new Region();
        HBox.setHgrow(titleGap, Priority.ALWAYS);
        HBox titleRow = new HBox(10, stageTitle, titleGap, showPaths);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        stageLead.setWrapText(true);
        stageLead.setMinHeight(Region.USE_PREF_SIZE);
        formulas.getStyleClass().add("formulas");
        formulas.setId("formulas");
        tablesBox.getStyleClass().add("stage-tables");
        tablesBox.setPadding(new Insets(6));
        ScrollPane scroll = new ScrollPane(tablesBox);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("tables-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        caption.setId("traceCaption");
        caption.getStyleClass().add("trace-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setMaxWidth(Double.MAX_VALUE);
        VBox right = new VBox(6, titleRow, stageLead, formulas, scroll, caption);
        right.setPadding(new Insets(0, 10, 10, 6));
        HBox.setHgrow(right, Priority.ALWAYS);
        right.setMinWidth(0);
        HBox center = new HBox(left, right);
        center.setPadding(new Insets(0, 0, 0, 10));
        setCenter(center);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.RIGHT) next();
            else if (e.getCode() == KeyCode.LEFT) previous();
            else return;
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (!isFocusWithin()) requestFocus();
        });

        trace.addListener((o, was, now) -> {
            boolean sameStep = was != null && now != null && was.step() == now.step()
                    && was.stages().size() == now.stages().size();
            if (!sameStep) stageIndex.set(0);
            syncChoice();
            refresh();
        });
        refresh();
    }

    // ---------------------------------------------------------------------------------------------
    // What the integrator sets and reads.

    /** The traced step shown; a trace of another step starts at Forward 1. */
    public ObjectProperty<BackpropTrace> traceProperty() {
        return trace;
    }

    public BackpropTrace getTrace() {
        return trace.get();
    }

    public void setTrace(BackpropTrace t) {
        trace.set(t);
    }

    /** Which of {@link BackpropTrace#stages()} is shown. */
    public ReadOnlyIntegerProperty stageIndexProperty() {
        return stageIndex.getReadOnlyProperty();
    }

    /** The stage shown, or null without a trace. */
    public Stage currentStage() {
        BackpropTrace t = trace.get();
        return t == null ? null : t.stages().get(stageIndex.get());
    }

    /** The example (column of the batch) whose numbers are shown, or {@link #BATCH_MEAN}. */
    public IntegerProperty exampleColumnProperty() {
        return exampleColumn;
    }

    /** Called by "Next step": the training loop should take one real step and deliver its trace. */
    public void setOnNewStep(Runnable action) {
        onNewStep = action == null ? () -> { } : action;
    }

    /** Called with the new column (or {@link #BATCH_MEAN}) when the student switches example / batch mean. */
    public void setOnExampleMode(IntConsumer action) {
        onExampleMode = action == null ? c -> { } : action;
    }

    /**
     * How a point (x₁, x₂) of the plane becomes the network's inputs (the run's feature map and input
     * normalisation), for the decision boundary of the update stage; {@code null}: the network takes (x₁, x₂).
     */
    public void setInputMap(InputMap map) {
        inputMap = map;
        boundaryTrace = null;
        if (currentStage() != null && currentStage().kind() == Kind.UPDATE) refresh();
    }

    /** The plane the boundaries of the update stage cover: the run's data plane. */
    void setPlane(Plane plane) {
        if (plane.equals(this.plane)) return;
        this.plane = plane;
        boundaryTrace = null;
        if (currentStage() != null && currentStage().kind() == Kind.UPDATE) refresh();
    }

    // ---------------------------------------------------------------------------------------------
    // Navigation.

    public void next() {
        goTo(stageIndex.get() + 1);
    }

    public void previous() {
        goTo(stageIndex.get() - 1);
    }

    public void restart() {
        goTo(0);
    }

    public void runToEnd() {
        BackpropTrace t = trace.get();
        if (t != null) goTo(t.stages().size() - 1);
    }

    /** Shows stage {@code index}, clamped to the step's stages. */
    public void goTo(int index) {
        BackpropTrace t = trace.get();
        if (t == null) return;
        int clamped = Math.max(0, Math.min(t.stages().size() - 1, index));
        if (clamped == stageIndex.get()) return;
        stageIndex.set(clamped);
        refresh();
    }

    // ---------------------------------------------------------------------------------------------
    // For tests: what is shown.

    /** The table shown under {@code key} in the current stage ("delta", "dLdW", "WnextT", …), or null. */
    MatrixTable table(String key) {
        return tables.get(key);
    }

    Map<String, MatrixTable> tables() {
        return tables;
    }

    GradientCheckTable gradientCheck() {
        return check;
    }

    Label caption() {
        return caption;
    }

    PathsPanel pathsPanel() {
        return paths;
    }

    List<Button> stageChips() {
        List<Button> list = new ArrayList<>();
        for (Node n : chips.getChildren()) list.add((Button) n);
        return list;
    }

    /** The example shown, −1 for the batch mean (also when the batch has no such column). */
    int column() {
        BackpropTrace t = trace.get();
        int c = exampleColumn.get();
        return t != null && c >= 0 && c < t.batchSize() ? c : BATCH_MEAN;
    }

    // ---------------------------------------------------------------------------------------------
    // Building a stage.

    private void refresh() {
        BackpropTrace t = trace.get();
        tables.clear();
        check = null;
        tablesBox.getChildren().clear();
        formulas.getChildren().clear();
        chips.getChildren().clear();
        boundaryBox.setVisible(false);
        boolean has = t != null;
        restart.setDisable(!has || stageIndex.get() == 0);
        previous.setDisable(!has || stageIndex.get() == 0);
        next.setDisable(!has || stageIndex.get() == t.stages().size() - 1);
        runToEnd.setDisable(!has || stageIndex.get() == t.stages().size() - 1);
        exampleChoice.setDisable(!has);
        if (!has) {
            nextStep.setVisible(true);
            showPaths.setVisible(false);
            stageTitle.setText(i18n.text("stepper.noStep"));
            stageLead.setText(i18n.text("stepper.noStep.lead"));
            stepInfo.setText("");
            caption.setText("");
            diagram.show(null, null, BATCH_MEAN);
            return;
        }
        List<Stage> stages = t.stages();
        Stage stage = stages.get(stageIndex.get());
        nextStep.setVisible(stage.kind() == Kind.UPDATE);
        showPaths.setVisible(stage.kind() == Kind.BACKWARD);
        for (int i = 0; i < stages.size(); i++) {
            Button chip = new Button(title(stages.get(i)));
            chip.setId("chip-" + i);
            chip.getStyleClass().addAll("stage-chip", stages.get(i).kind().name().toLowerCase(java.util.Locale.ROOT));
            if (i == stageIndex.get()) chip.getStyleClass().add("current");
            else if (i < stageIndex.get()) chip.getStyleClass().add("done");
            chip.setFocusTraversable(false);
            chip.setTooltip(tip(i18n.text("stepper.goTo", title(stages.get(i)))));
            int target = i;
            chip.setOnAction(e -> goTo(target));
            chips.getChildren().add(chip);
        }
        stepInfo.setText(i18n.text("stepper.stepInfo", t.step(), t.batchSize(), t.optimizer(),
                NumberText.compact(t.learningRate()), MatrixTable.format(t.loss())));
        stageTitle.setText(title(stage));
        for (String line : StageFormulas.lines(t, stage)) formulas.getChildren().add(tex.view(line));
        switch (stage.kind()) {
            case FORWARD -> forward(t, stage.layer());
            case LOSS -> loss(t);
            case BACKWARD -> {
                if (showPaths.isSelected()) paths(t, stage.layer());
                else backward(t, stage.layer());
            }
            case UPDATE -> update(t);
        }
        caption.setText(idleCaption);
        diagram.show(t, stage, column());
    }

    private void forward(BackpropTrace t, int l) {
        LayerTrace lt = t.layer(l);
        int c = column();
        String ls = sub(l), lp = sub(l - 1);
        stageLead.setText(i18n.text("stepper.lead.forward", l, lp, ls, t.before().spec().layer(l).phi().name())
                + (l == 1 ? i18n.text("stepper.lead.forward.input") : ""));
        MatrixTable W = add("W", "W" + ls, lt.W(), null);
        MatrixTable hPrev = add("hPrev", "h" + lp, pick(lt.hPrev()), droppedOf(l - 1 >= 1 ? t.layer(l - 1).mask() : null));
        MatrixTable b = add("b", "b" + ls, lt.b(), null);
        MatrixTable a = add("a", "a" + ls, pick(lt.a()), null);
        equation(W, op("·"), hPrev, op("+"), b, op("="), a);
        boolean bn = lt.aHat() != null;
        MatrixTable aHat = null, z = null;
        if (bn) {
            aHat = add("aHat", "â" + ls, pick(lt.aHat()), null);
            z = add("z", "z" + ls, pick(lt.z()), null);
            equation(note("normalise over the batch"), aHat, note("γ ⊙ â + β"), z);
        }
        boolean[][] dropped = droppedOf(lt.mask());
        MatrixTable h = add("h", "h" + ls, pick(lt.h()), dropped);
        if (lt.mask() != null) {
            MatrixTable mask = add("mask", "m" + ls, pick(lt.mask()), dropped);
            equation(note("Φ" + ls + "(" + (bn ? "z" : "a") + ls + ") ="), h, note("dropout mask"), mask);
        } else {
            equation(note("Φ" + ls + "(" + (bn ? "z" : "a") + ls + ") ="), h);
        }
        idleCaption = i18n.text("stepper.idle.forward", ls);
        for (int i = 0; i < a.rows(); i++) {
            int row = i;
            hover(a, i, 0, () -> {
                W.markRow(row, MatrixTable.TRACED);
                hPrev.markAll(MatrixTable.TRACED);
                b.mark(row, 0, MatrixTable.TRACED);
                StringBuilder terms = new StringBuilder();
                double sum = 0;
                for (int j = 0; j < W.cols(); j++) {
                    terms.append(j == 0 ? "" : " + ").append(num(W.value(row, j))).append("·").append(num(hPrev.value(j, 0)));
                    sum += W.value(row, j) * hPrev.value(j, 0);
                }
                sum += b.value(row, 0);
                return "a" + sub(row + 1) + "," + ls + " = Σⱼ W" + ls + "[" + (row + 1) + ", j] hⱼ," + lp + " + b" + sub(row + 1) + "," + ls
                        + " = " + terms + " + " + num(b.value(row, 0)) + " = " + MatrixTable.format(sum) + meanNote(c, true);
            });
        }
        MatrixTable arg = bn ? z : a;
        for (int i = 0; i < h.rows(); i++) {
            int row = i;
            hover(h, i, 0, () -> {
                arg.mark(row, 0, MatrixTable.TRACED);
                return "h" + sub(row + 1) + "," + ls + " = Φ" + ls + "(" + (bn ? "z" : "a") + sub(row + 1) + "," + ls + ") = "
                        + t.before().spec().layer(l).phi().name() + "(" + MatrixTable.format(arg.value(row, 0)) + ") = "
                        + MatrixTable.format(h.value(row, 0)) + meanNote(c, false);
            });
        }
    }

    private void loss(BackpropTrace t) {
        int depth = t.layers().size();
        LayerTrace out = t.layer(depth);
        String L = sub(depth);
        boolean fused = t.before().spec().loss().fused();
        stageLead.setText(i18n.text(fused ? "stepper.lead.lossFused" : "stepper.lead.loss", L));
        MatrixTable o = add("o", "o", pick(out.h()), null);
        MatrixTable y = add("y", "y", pick(t.y()), null);
        DMatrixRMaj lossValue = new DMatrixRMaj(1, 1);
        lossValue.set(0, 0, t.loss());
        MatrixTable loss = add("loss", "L (batch mean)", lossValue, null);
        equation(o, y, op("→"), loss);
        MatrixTable dLdo = t.dLdo() == null || t.dLdo().getNumElements() == 0 ? null : add("dLdo", "∂ℓ/∂o", pick(t.dLdo()), null);
        if (fused) {
            MatrixTable delta = add("deltaL", "δ" + L + " = o − y", pick(out.delta()), null);
            if (dLdo != null) equation(dLdo, note("but directly:"), delta);
            else equation(delta);
            idleCaption = i18n.text("stepper.idle.loss", L);
            for (int i = 0; i < delta.rows(); i++) {
                int row = i;
                hover(delta, i, 0, () -> {
                    o.mark(row, 0, MatrixTable.TRACED);
                    y.mark(row, 0, MatrixTable.TRACED);
                    return "δ" + sub(row + 1) + "," + L + " = o" + sub(row + 1) + " − y" + sub(row + 1) + " = " + num(o.value(row, 0)) + " − "
                            + num(y.value(row, 0)) + " = " + MatrixTable.format(delta.value(row, 0)) + ": what is minus what should be";
                });
            }
        } else if (dLdo != null) {
            equation(dLdo);
            idleCaption = i18n.text("stepper.idle.lossChain", L);
        }
    }

    private void backward(BackpropTrace t, int l) {
        LayerTrace lt = t.layer(l);
        int depth = t.layers().size();
        int c = column();
        String ls = sub(l), lp = sub(l - 1), ln = sub(l + 1);
        boolean bn = lt.aHat() != null;
        MatrixTable delta;
        if (l == depth) {
            boolean fused = t.before().spec().loss().fused();
            stageLead.setText(i18n.text(fused ? "stepper.lead.outputFused" : "stepper.lead.output", ls));
            if (fused) {
                MatrixTable o = add("o", "o", pick(lt.h()), null);
                MatrixTable y = add("y", "y", pick(t.y()), null);
                delta = add("delta", "δ" + ls, pick(lt.delta()), null);
                equation(o, op("−"), y, op("="), delta);
                for (int i = 0; i < delta.rows(); i++) {
                    int row = i;
                    MatrixTable d = delta;
                    hover(delta, i, 0, () -> {
                        o.mark(row, 0, MatrixTable.TRACED);
                        y.mark(row, 0, MatrixTable.TRACED);
                        return "δ" + sub(row + 1) + "," + ls + " = o" + sub(row + 1) + " − y" + sub(row + 1) + " = " + num(o.value(row, 0))
                                + " − " + num(y.value(row, 0)) + " = " + MatrixTable.format(d.value(row, 0));
                    });
                }
            } else {
                MatrixTable phiPrime = add("phiPrime", "Φ'" + ls + "(" + (bn ? "z" : "a") + ls + ")", pick(lt.phiPrime()), null);
                DMatrixRMaj dLdoMatrix = lt.dLdh() != null && lt.dLdh().getNumElements() > 0 ? lt.dLdh() : t.dLdo();
                MatrixTable dLdo = add("dLdo", "∂ℓ/∂o", pick(dLdoMatrix), null);
                delta = add("delta", "δ" + ls, pick(lt.delta()), null);
                equation(phiPrime, op("⊙"), dLdo, op("="), delta);
                for (int i = 0; i < delta.rows(); i++) {
                    int row = i;
                    MatrixTable d = delta;
                    hover(delta, i, 0, () -> {
                        phiPrime.mark(row, 0, MatrixTable.TRACED);
                        dLdo.mark(row, 0, MatrixTable.TRACED);
                        return "δ" + sub(row + 1) + "," + ls + " = Φ'(a" + sub(row + 1) + "," + ls + ") · ∂ℓ/∂o" + sub(row + 1) + " = "
                                + num(phiPrime.value(row, 0)) + " · " + num(dLdo.value(row, 0)) + " = " + MatrixTable.format(d.value(row, 0))
                                + meanNote(c, false);
                    });
                }
            }
        } else {
            stageLead.setText(i18n.text("stepper.lead.backward", ln, ls, bn ? "z" : "a",
                    lt.mask() != null ? i18n.text("stepper.lead.backward.mask") : "",
                    bn ? i18n.text("stepper.lead.backward.batchNorm") : ""));
            LayerTrace above = t.layer(l + 1);
            MatrixTable wT = add("WnextT", "W" + ln + "ᵀ", TraceView.transpose(above.W()), null);
            MatrixTable dNext = add("deltaNext", "δ" + ln, pick(above.delta()), null);
            MatrixTable dLdh = add("dLdh", "∂L/∂h" + ls, pick(lt.dLdh()), droppedOf(lt.mask()));
            MatrixTable mask = lt.mask() == null ? null : add("mask", "m" + ls, pick(lt.mask()), droppedOf(lt.mask()));
            MatrixTable phiPrime = add("phiPrime", "Φ'" + ls + "(" + (bn ? "z" : "a") + ls + ")", pick(lt.phiPrime()), null);
            delta = add("delta", "δ" + ls, pick(lt.delta()), null);
            List<Node> parts = new ArrayList<>(List.of(wT, op("·"), dNext));
            if (mask != null) parts.addAll(List.of(op("⊙"), mask));
            parts.addAll(List.of(op("="), dLdh, gap(), phiPrime,
                    note(bn ? "⊙ ∂L/∂h" + ls + " → batch norm backward →" : "⊙ ∂L/∂h" + ls + " ="), delta));
            equation(parts.toArray(Node[]::new));
            for (int i = 0; i < dLdh.rows(); i++) {
                int row = i;
                hover(dLdh, i, 0, () -> {
                    wT.markRow(row, MatrixTable.TRACED);
                    dNext.markAll(MatrixTable.TRACED);
                    if (mask != null) mask.mark(row, 0, MatrixTable.TRACED);
                    return "∂L/∂h" + sub(row + 1) + "," + ls + " = " + (mask != null ? "m" + sub(row + 1) + "," + ls + " · " : "")
                            + backSum(l, row, wT, dNext, mask) + meanNote(c, mask != null);
                });
            }
            for (int i = 0; i < delta.rows(); i++) {
                int row = i;
                MatrixTable d = delta;
                hover(delta, i, 0, () -> {
                    wT.markRow(row, MatrixTable.TRACED);
                    dNext.markAll(MatrixTable.TRACED);
                    phiPrime.mark(row, 0, MatrixTable.TRACED);
                    dLdh.mark(row, 0, MatrixTable.TRACED);
                    if (mask != null) mask.mark(row, 0, MatrixTable.TRACED);
                    String name = bn ? "∂ℓ/∂z" : "δ";
                    String head = name + sub(row + 1) + "," + ls + " = Φ'(" + (bn ? "z" : "a") + sub(row + 1) + "," + ls + ") · "
                            + (mask != null ? "m · " : "") + "(" + sumSymbols(l, row, wT.cols()) + ") = " + num(phiPrime.value(row, 0))
                            + " · " + (mask != null ? num(mask.value(row, 0)) + " · " : "") + "(" + sumTerms(row, wT, dNext) + ") = ";
                    double value = phiPrime.value(row, 0) * (mask != null ? mask.value(row, 0) : 1) * sum(row, wT, dNext);
                    String tail = bn ? MatrixTable.format(value) + "; batch norm then mixes the whole batch into δ" + sub(row + 1) + "," + ls
                            + " = " + MatrixTable.format(d.value(row, 0))
                            : MatrixTable.format(d.value(row, 0));
                    return head + tail + meanNote(c, false);
                });
            }
        }
        // ∂L/∂W_l = (1/B) Σ δ_l h_{l−1}^T and ∂L/∂b_l, with the gradient check beside them.
        MatrixTable hPrevT = add("hPrevT", "h" + lp + "ᵀ", TraceView.transpose(pick(lt.hPrev())), null);
        MatrixTable dLdW = add("dLdW", "∂L/∂W" + ls, lt.dLdW(), null);
        MatrixTable dLdb = add("dLdb", "∂L/∂b" + ls, lt.dLdb(), null);
        equation(note("∂L/∂W" + ls + " = mean of δ" + ls + " h" + lp + "ᵀ, with h" + lp + "ᵀ ="), hPrevT);
        check = gradientCheck(t, l);
        equation(dLdW, dLdb, check);
        MatrixTable d = delta;
        int batch = t.batchSize();
        for (int i = 0; i < dLdW.rows(); i++) {
            for (int j = 0; j < dLdW.cols(); j++) {
                int row = i, col = j;
                dLdW.cell(i, j).setOnMouseClicked(e -> {
                    paths.select(l, row + 1, col + 1);
                    showPaths.setSelected(true);
                });
                hover(dLdW, i, j, () -> {
                    d.mark(row, 0, MatrixTable.TRACED);
                    hPrevT.mark(0, col, MatrixTable.TRACED);
                    String entry = "∂L/∂W" + ls + "[" + (row + 1) + ", " + (col + 1) + "] = (1/B) Σₙ δ" + sub(row + 1) + "," + ls + " h" + sub(col + 1)
                            + "," + lp;
                    String product = num(d.value(row, 0)) + " · " + num(hPrevT.value(0, col)) + " = "
                            + MatrixTable.format(d.value(row, 0) * hPrevT.value(0, col));
                    if (batch == 1) return entry + " = " + product;
                    return entry + " = " + MatrixTable.format(dLdW.value(row, col)) + " over the " + batch + " examples; "
                            + (c >= 0 ? "this example's term δ·h = " + product : "the means multiplied, " + product
                                    + ", are not the mean of the products");
                });
            }
        }
        for (int i = 0; i < dLdb.rows(); i++) {
            int row = i;
            hover(dLdb, i, 0, () -> {
                d.mark(row, 0, MatrixTable.TRACED);
                return "∂L/∂b" + sub(row + 1) + "," + ls + " = (1/B) Σₙ δ" + sub(row + 1) + "," + ls + " = " + MatrixTable.format(dLdb.value(row, 0));
            });
        }
        idleCaption = i18n.text("stepper.idle.backward", ls);
    }

    /** The sum over paths of the chosen weight of layer l in place of the tables. */
    private void paths(BackpropTrace t, int l) {
        stageLead.setText(i18n.text("stepper.lead.paths"));
        paths.show(t, l, column());
        tablesBox.getChildren().setAll(paths);
        idleCaption = i18n.text("stepper.idle.paths", sub(l));
    }

    private void update(BackpropTrace t) {
        stageLead.setText(i18n.text("stepper.lead.update", t.optimizer()));
        List<Parameter> before = t.before().parameters(), after = t.after().parameters();
        for (int k = 0; k < before.size(); k++) {
            Parameter pb = before.get(k), pa = after.get(k);
            int rows = t.before().spec().size(pb.layer());
            int cols = pb.weight() ? t.before().spec().size(pb.layer() - 1) : 1;
            double[] step = new double[pb.size()];
            for (int i = 0; i < step.length; i++) step[i] = pa.value()[i] - pb.value()[i];
            String name = display(pb.name());
            MatrixTable mb = add("before:" + pb.name(), name + " before", TraceView.shaped(pb.value(), rows, cols), null);
            MatrixTable ms = add("step:" + pb.name(), "step", TraceView.shaped(step, rows, cols), null);
            MatrixTable ma = add("after:" + pb.name(), name + " after", TraceView.shaped(pa.value(), rows, cols), null);
            equation(mb, op("+"), ms, op("="), ma);
            double[] g = k < t.gradients().size() ? t.gradients().get(k) : null;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int row = i, col = j, flat = i * cols + j;
                    hover(ms, i, j, () -> {
                        mb.mark(row, col, MatrixTable.TRACED);
                        ma.mark(row, col, MatrixTable.TRACED);
                        String entry = ms.entryName(row, col).replace("step", name);
                        String text = "Δ" + entry + " = after − before = " + num(ma.value(row, col)) + " − " + num(mb.value(row, col)) + " = "
                                + MatrixTable.format(ms.value(row, col));
                        if (g != null) {
                            text += "; its gradient ∂C/∂w = " + MatrixTable.format(g[flat]) + ", so −γ ∂C/∂w = "
                                    + MatrixTable.format(-t.learningRate() * g[flat]) + " (the step of plain gradient descent)";
                        }
                        return text;
                    });
                }
            }
        }
        boundaries(t);
        idleCaption = i18n.text("stepper.idle.update");
    }

    private void boundaries(BackpropTrace t) {
        boundaryBox.setVisible(true);
        int n0 = t.before().spec().inputSize();
        InputMap map = inputMap != null && inputMap.inputSize() == 2 && inputMap.outputSize() == n0 ? inputMap : null;
        if (map == null && n0 != 2) {
            boundaryBox.getChildren().setAll(note("The decision boundary needs the run's feature map: the network takes " + n0
                    + " inputs, not the point (x₁, x₂)."));
            return;
        }
        if (boundaryTrace != t) {
            boundaries = new ImageView[] {boundaryView(t.before(), map, plane, "boundaryBefore"),
                    boundaryView(t.after(), map, plane, "boundaryAfter")};
            boundaryTrace = t;
        }
        VBox beforeBox = new VBox(2, title("before"), boundaries[0]);
        VBox afterBox = new VBox(2, title("after"), boundaries[1]);
        beforeBox.setAlignment(Pos.TOP_CENTER);
        afterBox.setAlignment(Pos.TOP_CENTER);
        HBox pair = new HBox(6, beforeBox, op("→"), afterBox);
        pair.setAlignment(Pos.CENTER);
        String area = plane.equals(Plane.STANDARD) ? "[−6, 6]²" : "the data's plane";
        Label heading = title(map != null && !map.isIdentity() ? "Decision boundary on " + area + " (through the run's feature map)"
                : "Decision boundary on " + area);
        heading.setWrapText(true);
        boundaryBox.getChildren().setAll(heading, pair);
    }

    private static ImageView boundaryView(Network net, InputMap map, Plane plane, String id) {
        ImageView view = new ImageView(BoundaryHeatmap.render(net, map, plane, BOUNDARY_GRID));
        view.setFitWidth(BOUNDARY_SIZE);
        view.setFitHeight(BOUNDARY_SIZE);
        view.setSmooth(true);
        view.setId(id);
        view.getStyleClass().add("boundary");
        return view;
    }

    private GradientCheckTable gradientCheck(BackpropTrace t, int l) {
        List<Parameter> params = t.before().parameters();
        List<GradientCheckTable.Block> blocks = new ArrayList<>();
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            if (p.layer() != l || k >= t.gradients().size()) continue;
            int cols = p.weight() ? t.before().spec().size(l - 1) : 1;
            List<String> names = new ArrayList<>();
            String name = display(p.name());
            for (int i = 0; i < p.size(); i++) {
                names.add(p.weight() ? name + "[" + (i / cols + 1) + ", " + (i % cols + 1) + "]" : name + "[" + (i + 1) + "]");
            }
            double[] f = k < t.finiteDifferences().size() ? t.finiteDifferences().get(k) : new double[0];
            blocks.add(new GradientCheckTable.Block(name, names, t.gradients().get(k), f));
        }
        GradientCheckTable table = new GradientCheckTable("Gradient check", blocks);
        Tooltip.install(table, tip("Each gradient by backprop beside its fourth-order central difference, h = 1e-4:"
                + "\n(−C(w + 2h) + 8C(w + h) − 8C(w − h) + C(w − 2h)) / 12h; relative error |g − f| / max(|g|, |f|, 1e-4),"
                + "\ngreen when they agree to 1e-6, amber up to 1e-3, red beyond (a kink of ReLU, or a bug)"));
        return table;
    }

    // ---------------------------------------------------------------------------------------------
    // Small pieces.

    /** The contributions Σₖ W[k, i] δₖ written with symbols, e.g. "W₃[1,1] δ₃,₁ + W₃[2,1] δ₃,₂". */
    private static String sumSymbols(int l, int row, int terms) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < terms; k++) {
            if (k > 0) s.append(" + ");
            s.append("w·δ");
        }
        return terms > 4 ? "Σₖ W" + sub(l + 1) + "[k, " + (row + 1) + "] δ" + sub(l + 1) + ",ₖ" : s.toString();
    }

    private static String backSum(int l, int row, MatrixTable wT, MatrixTable dNext, MatrixTable mask) {
        String m = mask != null ? num(mask.value(row, 0)) + " · " : "";
        return "Σₖ W" + sub(l + 1) + "[k, " + (row + 1) + "] δ" + sub(l + 1) + ",ₖ = " + m + "(" + sumTerms(row, wT, dNext) + ") = "
                + MatrixTable.format((mask != null ? mask.value(row, 0) : 1) * sum(row, wT, dNext));
    }

    private static String sumTerms(int row, MatrixTable wT, MatrixTable dNext) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < wT.cols(); k++) {
            if (k > 0) s.append(" + ");
            s.append(num(wT.value(row, k))).append("·").append(num(dNext.value(k, 0)));
        }
        return s.toString();
    }

    private static double sum(int row, MatrixTable wT, MatrixTable dNext) {
        double s = 0;
        for (int k = 0; k < wT.cols(); k++) s += wT.value(row, k) * dNext.value(k, 0);
        return s;
    }

    /** A number inside a written-out sum: negative ones in parentheses. */
    private static String num(double v) {
        String s = MatrixTable.format(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    /** What the batch mean means for a caption's formula: linear steps commute with the mean, others do not. */
    private static String meanNote(int column, boolean linear) {
        if (column >= 0) return "";
        return linear ? " (batch means)" : "  (batch means: the mean of the products is not the product of the means; pick one example to see it exact)";
    }

    /** "W1" → "W₁", "γ2" → "γ₂". */
    private static String display(String blockName) {
        StringBuilder s = new StringBuilder();
        for (char ch : blockName.toCharArray()) s.append(Character.isDigit(ch) ? sub(ch - '0') : String.valueOf(ch));
        return s.toString();
    }

    private DMatrixRMaj pick(DMatrixRMaj m) {
        DMatrixRMaj v = TraceView.pick(m, column());
        return v == null ? new DMatrixRMaj(0, 1) : v;
    }

    /** The zeros of a dropout mask in the shown column (none for the batch mean). */
    private boolean[][] droppedOf(DMatrixRMaj mask) {
        int c = column();
        if (mask == null || mask.getNumElements() == 0 || c < 0) return null;
        boolean[][] dropped = new boolean[mask.numRows][1];
        for (int i = 0; i < mask.numRows; i++) dropped[i][0] = mask.get(i, c) == 0;
        return dropped;
    }

    private MatrixTable add(String key, String title, DMatrixRMaj m, boolean[][] dropped) {
        String name = title.contains(" ") ? title.substring(0, title.indexOf(' ')) : title;
        MatrixTable table = new MatrixTable(key, title, name, m, dropped);
        tables.put(key, table);
        return table;
    }

    private void equation(Node... parts) {
        FlowPane row = new FlowPane(10, 8, parts);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setRowValignment(javafx.geometry.VPos.CENTER);
        row.getStyleClass().add("equation");
        tablesBox.getChildren().add(row);
    }

    /** While the mouse is on entry (i, j) of {@code table}: it and what {@code trace} marks are highlighted, the caption explains. */
    private void hover(MatrixTable table, int i, int j, java.util.function.Supplier<String> trace) {
        Label cell = table.cell(i, j);
        cell.getStyleClass().add("traceable");
        cell.setOnMouseEntered(e -> {
            clearMarks();
            table.mark(i, j, MatrixTable.SOURCE);
            caption.setText(trace.get());
        });
        cell.setOnMouseExited(e -> {
            clearMarks();
            caption.setText(idleCaption);
        });
    }

    private void clearMarks() {
        for (MatrixTable t : tables.values()) t.clearMarks();
    }

    private static Label op(String symbol) {
        Label l = new Label(symbol);
        l.getStyleClass().add("operator");
        return l;
    }

    /** Space between two equations on one line. */
    private static Region gap() {
        Region r = new Region();
        r.setMinWidth(18);
        return r;
    }

    private static Label note(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("equation-note");
        l.setWrapText(true);
        l.setMaxWidth(260);
        return l;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("matrix-title");
        return l;
    }

    /**
     * Puts the stepper's buttons, stage names, example list, step line, each stage's lead and its idle caption in
     * {@code i18n}'s language. The notes beside the tables and the hover details stay in English for now.
     */
    void setI18n(I18n i18n) {
        this.i18n = i18n;
        relabel(restart, "stepper.restart");
        relabel(previous, "stepper.previous");
        relabel(next, "stepper.next");
        relabel(runToEnd, "stepper.runToEnd");
        relabel(nextStep, "stepper.nextStep");
        exampleChoice.setTooltip(tip(i18n.text("stepper.show.tip")));
        exampleChoice.setButtonCell(new ChoiceCell());
        showLabel.setText(i18n.text("stepper.show"));
        showPaths.setText(i18n.text("stepper.paths"));
        showPaths.setTooltip(tip(i18n.text("stepper.paths.tip")));
        refresh();
    }

    private void relabel(Button b, String key) {
        b.setText(i18n.text(key));
        b.setTooltip(tip(i18n.text(key + ".tip")));
    }

    /** "Forward 2", "Loss", "Backward 3", "Update" in the stepper's language. */
    private String title(Stage stage) {
        return i18n.text("stepper.stage." + stage.kind().name(), stage.layer());
    }

    private static Button button(String text, String id, String tooltip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(tip(tooltip));
        b.getStyleClass().add("stepper-button");
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        return t;
    }

    private void syncChoice() {
        BackpropTrace t = trace.get();
        syncingChoice = true;
        try {
            List<Integer> items = new ArrayList<>();
            items.add(BATCH_MEAN);
            if (t != null) for (int c = 0; c < t.batchSize(); c++) items.add(c);
            if (!exampleChoice.getItems().equals(items)) exampleChoice.getItems().setAll(items);
            exampleChoice.setValue(column());
        } finally {
            syncingChoice = false;
        }
    }

    /** "Whole mini-batch (mean)" or "Example 3 (#41)". */
    private final class ChoiceCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer c, boolean empty) {
            super.updateItem(c, empty);
            if (empty || c == null) {
                setText(null);
                return;
            }
            BackpropTrace t = trace.get();
            if (c < 0) setText(i18n.text("stepper.batchMean"));
            else setText(t != null && t.examples() != null && c < t.examples().length
                    ? i18n.text("stepper.examplePoint", c + 1, t.examples()[c]) : i18n.text("stepper.example", c + 1));
        }
    }
}
