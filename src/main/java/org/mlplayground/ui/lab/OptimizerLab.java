package org.mlplayground.ui.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The optimizer lab (COURSE.md §5): a 2-D loss as contours and up to six optimizers racing across it from one
 * start point, each with its own settings, plus the loss of each against the iteration, a results table and,
 * on the quadratic bowls, the theory of gradient descent and momentum beside what they measure.
 *
 * <p>The optimizers are the same objects that train the network ({@link org.mlplayground.optim}); every change
 * recomputes all paths at once (about a millisecond for six × 1000 steps) on the FX thread and redraws them;
 * Play reveals the computed paths step by step. Drop it into a scene as it is; call {@link #dispose()} when it is
 * taken out for good, which stops its animation timer.
 */
public final class OptimizerLab extends BorderPane {
    static final int MAX_ROWS = 6;
    private static final List<Integer> STEP_CHOICES = List.of(20, 50, 100, 200, 500, 1000);

    private final ContourPlot plot = new ContourPlot();
    private final LabChart chart = new LabChart();
    private final ResultsTable table = new ResultsTable();
    private final TheoryPanel theory = new TheoryPanel();
    private final VBox rowBox = new VBox(8);
    private final TabPane rightTabs = new TabPane();
    /** The theory's rates are recomputed only while its tab shows. */
    private final Tab theoryTab = new Tab("Theory");
    private final List<OptimizerRow> rows = new ArrayList<>();
    private final ComboBox<String> surfaceChoice = new ComboBox<>();
    private final Slider bowlA = new Slider(-1.5, 1.5, 0), bowlB = new Slider(-1.5, 1.5, 1), bowlAngle = new Slider(-90, 90, 0);
    private final Label bowlValues = new Label();
    private final HBox bowlBox;
    private final ComboBox<Integer> stepsChoice = new ComboBox<>();
    private final ToggleButton play = new ToggleButton("▶ Play");
    private final Button step = new Button("Step");
    private final Button rewind = new Button("|◀");
    private final Slider speed = new Slider(1, 50, 5);
    private final CheckBox instant = new CheckBox("instant");
    private final CheckBox arrows = new CheckBox("arrows");
    private final CheckBox stepBoxes = new CheckBox("step sizes");
    private final CheckBox polyak = new CheckBox("Polyak average");
    private final Button add = new Button("+ optimizer");
    private final Label formula = new Label();
    private final Label startLabel = new Label();

    private LabSurface surface;
    private double x0, y0;
    private Race race;
    private int revealed;
    /** The row the theory panel's buttons and the stability map act on. */
    private int selectedRow;
    private boolean adjustingBowl;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (!play.isSelected() || race == null) return;
            revealed = Math.min(race.steps(), revealed + (int) Math.round(speed.getValue()));
            if (revealed >= race.steps()) play.setSelected(false);
            showRevealed();
        }
    };

    public OptimizerLab() {
        setId("optimizerLab");
        getStyleClass().add("optimizer-lab");
        getStylesheets().add(Objects.requireNonNull(OptimizerLab.class.getResource("lab.css")).toExternalForm());

        surfaceChoice.setId("labSurface");
        surfaceChoice.getItems().setAll(LabSurface.ids());
        surfaceChoice.setValue("bowl");
        surfaceChoice.setTooltip(new Tooltip("The loss surface the optimizers race on."));
        for (Slider s : List.of(bowlA, bowlB)) {
            s.setPrefWidth(110);
            s.setTooltip(new Tooltip("Curvature of the bowl along one axis, log scale from 0.03 to 30 (κ up to 1000)."));
        }
        bowlA.setId("labBowlA");
        bowlB.setId("labBowlB");
        bowlAngle.setId("labBowlAngle");
        bowlAngle.setPrefWidth(110);
        bowlAngle.setTooltip(new Tooltip("Rotation θ of the bowl's axes in degrees: the eigenvalues stay, the axes turn."));
        bowlValues.setId("labBowlValues");
        bowlValues.setMinWidth(190);
        bowlBox = new HBox(6, new Label("a"), bowlA, new Label("b"), bowlB, new Label("θ"), bowlAngle, bowlValues);
        bowlBox.setAlignment(Pos.CENTER_LEFT);
        bowlBox.managedProperty().bind(bowlBox.visibleProperty());
        stepsChoice.setId("labSteps");
        stepsChoice.getItems().setAll(STEP_CHOICES);
        stepsChoice.setValue(200);
        stepsChoice.setTooltip(new Tooltip("How many steps every optimizer takes."));
        Button fit = new Button("fit");
        fit.setId("labFit");
        fit.setTooltip(new Tooltip("Show the surface's own window again after panning (drag) or zooming (wheel)."));
        fit.setOnAction(e -> plot.fit());
        formula.setId("labFormula");
        formula.getStyleClass().add("lab-formula");
        FlowPane surfaceBar = new FlowPane(8, 4, new Label("surface"), surfaceChoice, bowlBox, new Label("steps"), stepsChoice, fit);
        surfaceBar.setAlignment(Pos.CENTER_LEFT);

        play.setId("labPlay");
        play.setTooltip(new Tooltip("Play or pause the race step by step (Space)."));
        step.setId("labStep");
        step.setTooltip(new Tooltip("One step further for every optimizer."));
        rewind.setId("labRewind");
        rewind.setTooltip(new Tooltip("Back to the start point, step 0."));
        speed.setId("labSpeed");
        speed.setPrefWidth(100);
        speed.setTooltip(new Tooltip("Steps per frame while playing (1 to 50)."));
        instant.setId("labInstant");
        instant.setSelected(true);
        instant.setTooltip(new Tooltip("Draw the whole paths at once, redrawn as the sliders move."));
        arrows.setId("labArrows");
        arrows.setSelected(true);
        arrows.setTooltip(new Tooltip("At each current point: the gradient step −γ∇L (solid) and, for momentum methods, "
                + "the velocity v = w_k − w_{k−1} (dashed). Arrows are drawn between 14 and 90 px long."));
        stepBoxes.setId("labStepBoxes");
        stepBoxes.setSelected(true);
        stepBoxes.setTooltip(new Tooltip("For adaptive methods (AdaGrad, RMSProp, Adadelta, Adam) a dashed box of half-sides "
                + "|Δx|, |Δy|: the last step per parameter."));
        polyak.setId("labPolyak");
        polyak.setTooltip(new Tooltip("Polyak averaging: the mean of the iterates w_0 … w_k as a dashed path."));
        startLabel.setId("labStartLabel");
        // Flow panes: beside the lesson column the lab has less room, and its bars wrap instead of being cut off.
        FlowPane playBar = new FlowPane(8, 4, rewind, play, step, new Label("speed"), speed, instant, arrows, stepBoxes, polyak,
                startLabel);
        playBar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, surfaceBar, playBar, formula);
        top.setPadding(new Insets(8, 10, 6, 10));
        setTop(top);

        setCenter(plot);

        add.setId("labAdd");
        add.setTooltip(new Tooltip("Add an optimizer to the race (up to six)."));
        add.setOnAction(e -> addRow(RowSettings.of(Method.ADAM, 0.05)));
        ScrollPane scroll = new ScrollPane(rowBox);
        scroll.setId("labRows");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        rowBox.setPadding(new Insets(4));
        VBox optimizers = new VBox(6, scroll, add);
        optimizers.setPadding(new Insets(6, 0, 6, 0));
        ScrollPane theoryScroll = new ScrollPane(theory);
        theoryScroll.setFitToWidth(true);
        Tab optimizersTab = new Tab("Optimizers", optimizers);
        theoryTab.setContent(theoryScroll);
        theoryTab.selectedProperty().addListener((o, was, on) -> {
            if (on && race != null) theory.setRace(race, selectedSettings());
        });
        optimizersTab.setId("labOptimizersTab");
        theoryTab.setId("labTheoryTab");
        optimizersTab.setTooltip(new Tooltip("The optimizers racing, each with its settings."));
        theoryTab.setTooltip(new Tooltip("Eigenvalues, κ, best γ and (γ, β), predicted against measured rates and the "
                + "stability map of momentum (quadratic bowls only)."));
        rightTabs.getTabs().setAll(optimizersTab, theoryTab);
        rightTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        rightTabs.setId("labRightTabs");
        rightTabs.setPrefWidth(400);
        rightTabs.setMinWidth(320);
        BorderPane.setMargin(rightTabs, new Insets(0, 10, 0, 6));
        setRight(rightTabs);

        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(table, Priority.ALWAYS);
        HBox bottom = new HBox(10, chart, table);
        bottom.setPadding(new Insets(6, 10, 10, 10));
        bottom.setPrefHeight(220);
        setBottom(bottom);

        wire();
        surface = bowlFromSliders();
        plot.setSurface(surface);
        x0 = surface.start()[0];
        y0 = surface.start()[1];
        for (RowSettings s : defaultRows()) addRow(s);
        select(0);
        setSurface(surface, true);
    }

    /** SGD, Momentum, Nesterov, RMSProp and Adam on the bowl κ = 10, at rates that converge. */
    static List<RowSettings> defaultRows() {
        return List.of(RowSettings.of(Method.SGD, 0.18), RowSettings.of(Method.MOMENTUM, 0.05).withBeta(0.8),
                RowSettings.of(Method.NESTEROV, 0.05).withBeta(0.8), RowSettings.of(Method.RMSPROP, 0.05),
                RowSettings.of(Method.ADAM, 0.1));
    }

    private void wire() {
        surfaceChoice.valueProperty().addListener((o, was, id) -> {
            if (id == null) return;
            if (id.equals("bowl")) {
                setSurface(bowlFromSliders(), true);
            } else {
                setSurface(LabSurface.of(id), true);
            }
        });
        for (Slider s : List.of(bowlA, bowlB, bowlAngle)) {
            s.valueProperty().addListener((o, was, v) -> {
                if (!adjustingBowl && "bowl".equals(surfaceChoice.getValue())) setSurface(bowlFromSliders(), false);
            });
        }
        stepsChoice.valueProperty().addListener((o, was, v) -> recompute());
        play.selectedProperty().addListener((o, was, on) -> {
            play.setText(on ? "⏸ Pause" : "▶ Play");
            if (on) {
                if (instant.isSelected() || (race != null && revealed >= race.steps())) revealed = 0;
                instant.setSelected(false);
                showRevealed();
            }
        });
        step.setOnAction(e -> {
            play.setSelected(false);
            if (instant.isSelected()) revealed = 0;
            instant.setSelected(false);
            if (race != null) revealed = Math.min(race.steps(), revealed + 1);
            showRevealed();
        });
        rewind.setOnAction(e -> {
            play.setSelected(false);
            instant.setSelected(false);
            revealed = 0;
            showRevealed();
        });
        instant.selectedProperty().addListener((o, was, on) -> {
            if (on) {
                play.setSelected(false);
                if (race != null) revealed = race.steps();
                showRevealed();
            }
        });
        arrows.selectedProperty().addListener((o, was, on) -> options());
        stepBoxes.selectedProperty().addListener((o, was, on) -> options());
        polyak.selectedProperty().addListener((o, was, on) -> {
            recompute();
            options();
        });
        plot.setOnStart(this::setStart);
        theory.setOnPick(this::applyToSelected);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE && !(e.getTarget() instanceof TextInputControl)) {
                play.setSelected(!play.isSelected());
                e.consume();
            }
        });
        sceneProperty().addListener((o, was, scene) -> {
            if (scene == null) timer.stop();
            else timer.start();
        });
        options();
    }

    private void options() {
        plot.setOptions(arrows.isSelected(), stepBoxes.isSelected(), polyak.isSelected());
    }

    private LabSurface bowlFromSliders() {
        double a = round3(Math.pow(10, bowlA.getValue())), b = round3(Math.pow(10, bowlB.getValue()));
        bowlValues.setText("a = " + LabFormat.number(a) + ", b = " + LabFormat.number(b) + ", κ = "
                + LabFormat.number(Math.max(a, b) / Math.min(a, b)) + ", θ = " + Math.round(bowlAngle.getValue()) + "°");
        return LabSurface.bowl(a, b, Math.round(bowlAngle.getValue()));
    }

    private static double round3(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    }

    private void setSurface(LabSurface s, boolean newWindow) {
        surface = s;
        bowlBox.setVisible("bowl".equals(s.id()));
        formula.setText(s.formula());
        if (newWindow) {
            plot.setSurface(s);
            x0 = s.start()[0];
            y0 = s.start()[1];
        } else {
            plot.setSurfaceKeepingView(s);
        }
        theory.setSurface(s);
        recompute();
    }

    /** Moves the start point to (x, y) and recomputes every path from there. */
    void setStart(double x, double y) {
        x0 = x;
        y0 = y;
        recompute();
    }

    private void addRow(RowSettings s) {
        if (rows.size() >= MAX_ROWS) return;
        OptimizerRow row = new OptimizerRow(nextFreeIndex(), s);
        rows.add(row);
        rowBox.getChildren().add(row);
        row.settingsProperty().addListener((o, was, now) -> recompute());
        row.remove.setOnAction(e -> {
            rows.remove(row);
            rowBox.getChildren().remove(row);
            add.setDisable(rows.size() >= MAX_ROWS);
            recompute();
        });
        row.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> select(row.index()));
        add.setDisable(rows.size() >= MAX_ROWS);
        recompute();
    }

    /** The lowest colour index no row uses, so colours stay with their rows. */
    private int nextFreeIndex() {
        for (int i = 0; ; i++) {
            final int c = i;
            if (rows.stream().noneMatch(r -> r.index() == c)) return i;
        }
    }

    private void select(int index) {
        selectedRow = index;
        for (OptimizerRow r : rows) r.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"), r.index() == index);
        theory.setSelected(selectedSettings());
    }

    private RowSettings selectedSettings() {
        return rows.stream().filter(r -> r.index() == selectedRow).map(r -> r.settingsProperty().get()).findFirst().orElse(null);
    }

    /**
     * Applies the theory panel's choice: to the selected row when it is of the method the choice is for,
     * otherwise to the first row of that method, otherwise to a new row.
     */
    private void applyToSelected(Method method, double gamma, double beta) {
        OptimizerRow target = rows.stream().filter(r -> r.index() == selectedRow && r.settingsProperty().get().method() == method)
                .findFirst().orElse(rows.stream().filter(r -> r.settingsProperty().get().method() == method).findFirst().orElse(null));
        if (target == null) { // no row of that method yet: add one, if there is room
            if (rows.size() >= MAX_ROWS) return;
            addRow(RowSettings.of(method, gamma).withBeta(Double.isNaN(beta) ? 0.9 : beta));
            select(rows.get(rows.size() - 1).index());
            return;
        }
        RowSettings s = target.settingsProperty().get().withRate(gamma).withEnabled(true);
        if (!Double.isNaN(beta)) s = s.withBeta(beta);
        target.show(s);
        select(target.index());
    }

    /** Recomputes every path and redraws everything that shows them. */
    void recompute() {
        if (surface == null) return;
        List<RowSettings> settings = new ArrayList<>();
        int slots = 0;
        for (OptimizerRow r : rows) slots = Math.max(slots, r.index() + 1);
        for (int i = 0; i < slots; i++) settings.add(RowSettings.of(Method.SGD, 0.01).withEnabled(false));
        for (OptimizerRow r : rows) settings.set(r.index(), r.settingsProperty().get());
        Integer steps = stepsChoice.getValue();
        race = Race.compute(surface, x0, y0, steps == null ? 200 : steps, settings, polyak.isSelected());
        if (instant.isSelected()) revealed = race.steps();
        revealed = Math.min(revealed, race.steps());
        startLabel.setText("start (" + LabFormat.number(round3(x0)) + ", " + LabFormat.number(round3(y0)) + ")");
        plot.setRace(race, revealed);
        chart.show(race, revealed);
        table.show(race);
        if (theoryTab.isSelected()) theory.setRace(race, selectedSettings());
    }

    private void showRevealed() {
        if (race == null) return;
        plot.setRevealed(revealed);
        chart.show(race, revealed);
    }

    /** Stops the animation timer; the lab draws nothing more afterwards. */
    public void dispose() {
        timer.stop();
        play.setSelected(false);
    }

    // ---- for tests and the benchmark ------------------------------------------------------------------------

    Race race() {
        return race;
    }

    int revealed() {
        return revealed;
    }

    ContourPlot plot() {
        return plot;
    }

    List<OptimizerRow> rows() {
        return List.copyOf(rows);
    }

    TheoryPanel theory() {
        return theory;
    }

    ResultsTable table() {
        return table;
    }

    LabChart chart() {
        return chart;
    }

    /** Replaces all rows by these (at most six). */
    void setRows(List<RowSettings> settings) {
        rows.clear();
        rowBox.getChildren().clear();
        for (RowSettings s : settings) addRow(s);
        recompute();
    }

    /** Chooses a surface of the menu by id. */
    void chooseSurface(String id) {
        surfaceChoice.setValue(id);
    }

    /** Sets the bowl's a, b (log sliders) and θ. */
    void setBowl(double a, double b, double angleDegrees) {
        adjustingBowl = true;
        bowlA.setValue(Math.log10(a));
        bowlB.setValue(Math.log10(b));
        adjustingBowl = false;
        bowlAngle.setValue(angleDegrees);
        if ("bowl".equals(surfaceChoice.getValue())) setSurface(bowlFromSliders(), false);
    }

    void setSteps(int steps) {
        if (!stepsChoice.getItems().contains(steps)) stepsChoice.getItems().add(steps);
        stepsChoice.setValue(steps);
    }
}
