package org.mlplayground.ui;

import static org.mlplayground.ui.NumberText.sub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.mlplayground.health.Chain;
import org.mlplayground.health.GradientHealth;
import org.mlplayground.health.GradientHistory;
import org.mlplayground.health.GradientMonitor;
import org.mlplayground.health.HealthPreset;
import org.mlplayground.health.PairRun;
import org.mlplayground.health.Saturation;
import org.mlplayground.train.TrainingConfig;

/**
 * The gradient-health view (COURSE.md §4): why a deep sigmoid network does not learn and a ReLU/He one does,
 * measured on every training step while the view is open.
 *
 * <p><b>This run</b> watches the playground's own run through a {@link GradientMonitor} that the window
 * attaches to the training loop only while this view is shown: ‖∂L/∂W_l‖ (or ‖δ_l‖) per layer over the steps
 * on a log axis, the first-to-last sentence ("layer 1 learns 96× slower than layer 6"), and per layer the
 * saturated share of h_l, the update ratio ‖ΔW_l‖/‖W_l‖ and histograms of a_l, h_l and Φ'(a_l). A preset puts a
 * run of the course into the playground; with one neuron per layer the chain Π Φ'(a_i) w_{i+1} is shown factor
 * by factor.
 *
 * <p><b>Compare two</b> trains the two presets of a {@link HealthPreset.Comparison} side by side on a thread of
 * their own ({@link PairRun}) and draws their charts one above the other.
 *
 * <p>The window's frame timer calls {@link #refresh()}; the view redraws at most {@link #REDRAWS_PER_SECOND}
 * times a second from the monitors' immutable measurements.
 */
final class GradientHealthView extends BorderPane {
    static final int REDRAWS_PER_SECOND = 8;
    private static final long REDRAW_NANOS = TimeUnit.SECONDS.toNanos(1) / REDRAWS_PER_SECOND;
    /** One epoch of a preset (250 training points, batch 10) per frame while comparing. */
    static final int COMPARISON_STEPS_PER_FRAME = 25;
    /** Update ratios ‖ΔW‖/‖W‖ in this band count as healthy (the rule of thumb is about 10⁻³). */
    static final double HEALTHY_UPDATE_LOW = 1e-4, HEALTHY_UPDATE_HIGH = 1e-2;

    private final I18n i18n;
    private final ToggleButton single = new ToggleButton();
    private final ToggleButton compare = new ToggleButton();
    private final ToggleButton weightsMeasure = new ToggleButton("‖∂L/∂W‖");
    private final ToggleButton deltaMeasure = new ToggleButton("‖δ‖");
    private final ComboBox<HealthPreset> presets = new ComboBox<>();
    private final Button applyPreset = new Button();
    private final ComboBox<HealthPreset.Comparison> comparisons = new ComboBox<>();
    private final ToggleButton comparePlay = new ToggleButton();
    private final Button compareReset = new Button();

    private final Label sentence = new Label();
    private final Label deltaSentence = new Label();
    private final GradientChart chart;
    private final GridPane layers = new GridPane();
    private final FlowPane chainFactors = new FlowPane();
    private final Label chainSummary = new Label();
    private final Button makeChain = new Button();
    private final VBox chainBox;
    private final VBox singlePane;

    private final Panel topPanel, bottomPanel;
    private final VBox comparePane;

    private GradientMonitor monitor;
    private PairRun pair;
    private Consumer<UnaryOperator<TrainingConfig>> onChange = change -> { };
    private Runnable onComparisonPlay = () -> { };
    private long lastRedraw;
    private GradientHealth shownHealth;
    private Chain shownChain;
    private int shownDepth = -1;
    private final List<Column> columns = new ArrayList<>();

    /** A view whose texts speak {@code i18n}'s language. */
    GradientHealthView(I18n i18n) {
        this.i18n = i18n;
        chart = new GradientChart(i18n);
        topPanel = new Panel(i18n);
        bottomPanel = new Panel(i18n);
        single.setText(i18n.text("health.thisRun"));
        compare.setText(i18n.text("health.compare"));
        applyPreset.setText(i18n.text("health.usePreset"));
        compareReset.setText(i18n.text("health.resetBoth"));
        makeChain.setText(i18n.text("health.chain"));
        getStyleClass().add("health-view");
        getStylesheets().add(Objects.requireNonNull(GradientHealthView.class.getResource("health.css")).toExternalForm());

        ToggleGroup modes = new ToggleGroup();
        single.setToggleGroup(modes);
        compare.setToggleGroup(modes);
        single.setSelected(true);
        single.setId("healthSingle");
        compare.setId("healthCompare");
        single.setTooltip(new Tooltip(i18n.text("health.thisRun.tip")));
        compare.setTooltip(new Tooltip(i18n.text("health.compare.tip")));
        keepSelected(modes);

        ToggleGroup measures = new ToggleGroup();
        weightsMeasure.setToggleGroup(measures);
        deltaMeasure.setToggleGroup(measures);
        weightsMeasure.setSelected(true);
        weightsMeasure.setId("measureWeights");
        deltaMeasure.setId("measureDelta");
        weightsMeasure.setTooltip(new Tooltip(i18n.text("health.measure.weights.tip")));
        deltaMeasure.setTooltip(new Tooltip(i18n.text("health.measure.delta.tip")));
        keepSelected(measures);
        measures.selectedToggleProperty().addListener((obs, was, is) -> redrawNow());

        presets.setId("healthPreset");
        presets.setPrefWidth(250);
        presets.getItems().setAll(HealthPreset.values());
        presets.setValue(HealthPreset.SIGMOID_SMALL_GAUSSIAN);
        presets.setCellFactory(list -> cell(HealthPreset::title));
        presets.setButtonCell(cell(HealthPreset::title));
        presets.setTooltip(new Tooltip(i18n.text("health.presets.tip")));
        applyPreset.setId("healthApplyPreset");
        applyPreset.getStyleClass().add("tool-button");
        applyPreset.setTooltip(new Tooltip(i18n.text("health.usePreset.tip")));
        applyPreset.setOnAction(e -> {
            HealthPreset chosen = presets.getValue();
            if (chosen != null) onChange.accept(c -> chosen.config());
        });

        comparisons.setId("healthComparison");
        comparisons.setPrefWidth(290);
        comparisons.getItems().setAll(HealthPreset.Comparison.values());
        comparisons.setValue(HealthPreset.Comparison.SIGMOID_VS_RELU);
        comparisons.setCellFactory(list -> cell(HealthPreset.Comparison::title));
        comparisons.setButtonCell(cell(HealthPreset.Comparison::title));
        comparisons.valueProperty().addListener((obs, was, is) -> {
            if (compare.isSelected()) startPair();
        });
        comparePlay.setId("healthComparePlay");
        comparePlay.getStyleClass().add("play-button");
        comparePlay.textProperty().bind(javafx.beans.binding.Bindings.when(comparePlay.selectedProperty())
                .then(i18n.text("health.pauseBoth")).otherwise(i18n.text("health.playBoth")));
        comparePlay.setTooltip(new Tooltip(i18n.text("health.playBoth.tip")));
        comparePlay.setOnAction(e -> {
            if (pair == null) return;
            if (comparePlay.isSelected()) {
                onComparisonPlay.run();
                pair.play();
            } else {
                pair.pause();
            }
        });
        compareReset.setId("healthCompareReset");
        compareReset.getStyleClass().add("tool-button");
        compareReset.setTooltip(new Tooltip(i18n.text("health.resetBoth.tip")));
        compareReset.setOnAction(e -> {
            comparePlay.setSelected(false);
            if (pair != null) pair.reset();
            redrawNow();
        });

        HBox singleControls = new HBox(presets, applyPreset, makeChain);
        HBox compareControls = new HBox(comparisons, comparePlay, compareReset);
        for (HBox box : List.of(singleControls, compareControls)) {
            box.getStyleClass().add("health-controls");
            box.managedProperty().bind(box.visibleProperty());
        }
        singleControls.visibleProperty().bind(single.selectedProperty());
        compareControls.visibleProperty().bind(compare.selectedProperty());
        HBox modeButtons = new HBox(single, compare);
        modeButtons.getStyleClass().add("segmented");
        HBox measureButtons = new HBox(weightsMeasure, deltaMeasure);
        measureButtons.getStyleClass().add("segmented");
        FlowPane header = new FlowPane(modeButtons, singleControls, compareControls, measureButtons);
        header.getStyleClass().add("health-header");
        for (Node n : List.of(single, compare, applyPreset, makeChain, compareReset, weightsMeasure, deltaMeasure)) { // comparePlay: health.css
            ((javafx.scene.layout.Region) n).setMinWidth(USE_PREF_SIZE);
        }
        setTop(header);

        sentence.setId("healthSentence");
        sentence.getStyleClass().add("health-sentence");
        sentence.setWrapText(true);
        sentence.setMinHeight(USE_PREF_SIZE); // a wrapped sentence takes the lines it needs
        deltaSentence.setId("healthDeltaSentence");
        deltaSentence.getStyleClass().add("health-subsentence");
        chart.setId("healthChart");
        VBox.setVgrow(chart, Priority.ALWAYS);
        chart.setMinHeight(180);

        layers.setId("healthLayers");
        layers.getStyleClass().add("health-layers");
        ScrollPane layerScroll = new ScrollPane(layers);
        layerScroll.getStyleClass().add("health-layer-scroll");
        // The whole grid when there is room; in a short window it scrolls rather than pushing the sentence up.
        layerScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        layerScroll.prefHeightProperty().bind(layers.heightProperty().add(18));
        layerScroll.setMinHeight(120);

        chainFactors.setId("healthChainFactors");
        chainFactors.getStyleClass().add("chain-factors");
        chainSummary.setId("healthChainSummary");
        chainSummary.getStyleClass().add("health-subsentence");
        chainSummary.setWrapText(true);
        chainSummary.setMinHeight(USE_PREF_SIZE);
        makeChain.setId("healthMakeChain");
        makeChain.getStyleClass().add("tool-button");
        makeChain.setTooltip(new Tooltip(i18n.text("health.chain.tip")));
        makeChain.setOnAction(e -> onChange.accept(GradientHealthView::asChain));
        makeChain.managedProperty().bind(makeChain.visibleProperty());
        Label chainTitle = new Label(i18n.text("health.chain.title"));
        chainTitle.getStyleClass().add("health-caption");
        chainBox = new VBox(chainTitle, chainFactors, chainSummary);
        chainBox.managedProperty().bind(chainBox.visibleProperty());
        chainBox.visibleProperty().bind(makeChain.visibleProperty().not());
        chainBox.setId("healthChain");
        chainBox.getStyleClass().add("chain-box");

        singlePane = new VBox(sentence, deltaSentence, chainBox, chart, layerScroll);
        singlePane.getStyleClass().add("health-pane");
        comparePane = new VBox(topPanel.box, bottomPanel.box);
        comparePane.getStyleClass().add("health-pane");
        VBox.setVgrow(topPanel.box, Priority.ALWAYS);
        VBox.setVgrow(bottomPanel.box, Priority.ALWAYS);
        singlePane.visibleProperty().bind(single.selectedProperty());
        comparePane.visibleProperty().bind(compare.selectedProperty());
        setCenter(new StackPane(singlePane, comparePane));

        compare.selectedProperty().addListener((obs, was, is) -> {
            if (is) startPair();
            else stopPair();
            redrawNow();
        });
        showSingle(null, null);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("health-caption");
        return l;
    }

    /** A toggle group of a segmented control never ends with nothing selected. */
    private static void keepSelected(ToggleGroup group) {
        group.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null && was != null) was.setSelected(true);
        });
    }

    private static <T> ListCell<T> cell(java.util.function.Function<T, String> text) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
    }

    /** The config with one neuron in every hidden layer, no batch norm and no dropout (Φ of each layer kept). */
    static TrainingConfig asChain(TrainingConfig c) {
        List<TrainingConfig.HiddenLayer> hidden = new ArrayList<>();
        for (TrainingConfig.HiddenLayer l : c.hidden()) hidden.add(new TrainingConfig.HiddenLayer(1, l.phi(), 0, false));
        return c.withHidden(hidden);
    }

    // ---- Wiring ---------------------------------------------------------------------------------

    /** The monitor of the playground's run this view shows in "This run" mode (attached by the window). */
    void setMonitor(GradientMonitor monitor) {
        this.monitor = monitor;
        redrawNow();
    }

    /** Called with a change of the playground's config (a preset, the chain). */
    void setOnChange(Consumer<UnaryOperator<TrainingConfig>> onChange) {
        this.onChange = Objects.requireNonNull(onChange);
    }

    /**
     * Whether the playground's problem can be a chain: one output (not multi-class softmax). Otherwise the chain
     * button is off and says why.
     */
    void setChainPossible(boolean possible) {
        makeChain.setDisable(!possible);
        // A disabled button shows no tooltip: the reason goes into its text.
        makeChain.setText(i18n.text(possible ? "health.chain" : "health.chain.impossible"));
    }

    /** Called before the comparison starts playing (the window pauses its own run). */
    void setOnComparisonPlay(Runnable onComparisonPlay) {
        this.onComparisonPlay = Objects.requireNonNull(onComparisonPlay);
    }

    /** Whether "Compare two" is on (then the playground's run need not be watched). */
    boolean comparing() {
        return compare.isSelected();
    }

    /** Switches to "Compare two" with {@code chosen} and starts it playing. */
    void compare(HealthPreset.Comparison chosen) {
        comparisons.setValue(chosen);
        if (!compare.isSelected()) compare.setSelected(true);
        comparePlay.setSelected(true);
        comparePlay.getOnAction().handle(null);
    }

    /** The pair being compared, or null. */
    PairRun pair() {
        return pair;
    }

    /** Stops the comparison's thread (the view is being hidden or the window closes). */
    void stop() {
        if (compare.isSelected()) compare.setSelected(false);
        single.setSelected(true);
        stopPair();
    }

    private void startPair() {
        stopPair();
        pair = new PairRun(comparisons.getValue(), COMPARISON_STEPS_PER_FRAME);
        topPanel.title.setText("▲ " + pair.comparison().top().title());
        bottomPanel.title.setText("▼ " + pair.comparison().bottom().title());
        comparePlay.setSelected(false);
    }

    private void stopPair() {
        if (pair != null) pair.close();
        pair = null;
        comparePlay.setSelected(false);
    }

    // ---- Drawing --------------------------------------------------------------------------------

    /** Redraws if something new was measured and the last redraw is old enough. FX thread. */
    void refresh() {
        long now = System.nanoTime();
        if (now - lastRedraw < REDRAW_NANOS || !changed()) return;
        lastRedraw = now;
        redrawNow();
    }

    /** What was drawn last: the measurements and the history sizes it came from. */
    private Object[] drawnFrom = new Object[0];

    private Object[] state() {
        GradientMonitor m = monitor, top = pair == null ? null : pair.topMonitor(), bottom = pair == null ? null : pair.bottomMonitor();
        return new Object[] {compare.isSelected(), deltaMeasure.isSelected(), m == null ? null : m.latestMeasurement(),
            m == null ? 0 : m.history().added(), top == null ? null : top.latestMeasurement(),
            bottom == null ? null : bottom.latestMeasurement(), pair == null ? null : String.join("", pair.stops())};
    }

    private boolean changed() {
        return !java.util.Arrays.equals(drawnFrom, state());
    }

    /** Redraws from the monitors now. FX thread. */
    void redrawNow() {
        drawnFrom = state();
        GradientChart.Measure measure = deltaMeasure.isSelected() ? GradientChart.Measure.DELTA
                : GradientChart.Measure.WEIGHT_GRADIENT;
        if (compare.isSelected() && pair != null) {
            // Both histories first, then draw: the pair trains on while the charts draw.
            String[] stops = pair.stops();
            GradientMonitor top = pair.topMonitor(), bottom = pair.bottomMonitor();
            GradientHealth topHealth = top.latest(), bottomHealth = bottom.latest();
            List<GradientHistory.Point> topPoints = top.history().points(), bottomPoints = bottom.history().points();
            topPanel.show(topPoints, topHealth, measure, stops[0]);
            bottomPanel.show(bottomPoints, bottomHealth, measure, stops[1]);
            if (!pair.playing() && comparePlay.isSelected()) comparePlay.setSelected(false);
            return;
        }
        GradientMonitor m = monitor;
        GradientMonitor.Measurement newest = m == null ? null : m.latestMeasurement();
        chart.show(m == null ? List.of() : m.history().points(), measure);
        showSingle(newest == null ? null : newest.health(), newest == null ? null : newest.chain());
    }

    private void showSingle(GradientHealth health, Chain chain) {
        if (health == null) {
            sentence.setText(i18n.text("health.press"));
            setSeverity(sentence, 0);
            deltaSentence.setText("");
        } else if (health != shownHealth) {
            sentence.setText(speedSentence(i18n, health));
            setSeverity(sentence, severity(health.firstToLastRatio()));
            deltaSentence.setText(deltaSentence(i18n, health) + " · " + i18n.text("health.step", String.format(Locale.ROOT, "%,d", health.step())));
        }
        if (health != shownHealth) showLayers(health);
        shownHealth = health;
        if (chain != shownChain || chainBox.isVisible() != (chain != null)) showChain(chain);
        shownChain = chain;
    }

    /** {@link Saturation#describe} in the window's language: "37 % saturated", "3 of 8 dead", or "". */
    static String describe(I18n i18n, Saturation s) {
        return switch (s.rule()) {
            case TANH, SIGMOID -> i18n.text("health.saturated", Math.round(100 * s.share()));
            case DEAD_RELU -> i18n.text("health.dead", s.saturated(), s.total());
            case NONE -> "";
        };
    }

    /** 0 healthy (within 10× either way), 1 worrying (within 100×), 2 sick; not finite: sick. */
    static int severity(double ratio) {
        if (!Double.isFinite(ratio) || ratio == 0) return 2;
        double factor = Math.max(ratio, 1 / ratio);
        return factor < 10 ? 0 : factor < 100 ? 1 : 2;
    }

    private static void setSeverity(Label label, int severity) {
        label.getStyleClass().removeAll("healthy", "worrying", "sick");
        label.getStyleClass().add(severity == 0 ? "healthy" : severity == 1 ? "worrying" : "sick");
    }

    private void showLayers(GradientHealth health) {
        int depth = health == null ? 0 : health.depth();
        if (depth != shownDepth) buildLayerGrid(depth);
        for (int l = 1; l <= depth; l++) columns.get(l - 1).show(health.layer(l), depth);
    }

    /** The grid's row captions and their tooltips (null: none). */
    private String[][] rows() {
        return new String[][] {
            {"", null},
            {i18n.text("health.row.saturated"), i18n.text("health.row.saturated.tip")},
            {"‖ΔW‖ / ‖W‖", i18n.text("health.row.update.tip")},
            {"‖∂L/∂W‖", i18n.text("health.row.gradient.tip")},
            {"‖δ‖", i18n.text("health.row.delta.tip")},
            {i18n.text("health.row.a"), i18n.text("health.row.a.tip")},
            {"h = Φ(a)", i18n.text("health.row.h.tip")},
            {"Φ′(a)", i18n.text("health.row.phiPrime.tip")}};
    }

    /**
     * {@link GradientHealth#speedSentence} in the window's language: "Layer 1 learns 96× slower than layer 6.", with
     * the same cases (about as fast within 5 %, no gradient, not finite).
     */
    static String speedSentence(I18n i18n, GradientHealth health) {
        int first = health.first(), last = health.last();
        double f = health.layer(first).dLdWNorm(), l = health.layer(last).dLdWNorm();
        if (!Double.isFinite(f) || !Double.isFinite(l)) return i18n.text("health.speed.exploded", first, last);
        if (first == last) return i18n.text("health.speed.only", first);
        if (f == 0 && l == 0) return i18n.text("health.speed.none", first, last);
        if (f == 0) return i18n.text("health.speed.zero", first, last);
        if (l == 0) return i18n.text("health.speed.zero", last, first);
        double ratio = f / l, factor = Math.max(ratio, 1 / ratio);
        if (factor < 1.05) return i18n.text("health.speed.same", first, last);
        return i18n.text(ratio < 1 ? "health.speed.slower" : "health.speed.faster", first, GradientHealth.times(factor), last);
    }

    /** {@link GradientHealth#firstToLastDeltaSentence} in the window's language. */
    static String deltaSentence(I18n i18n, GradientHealth health) {
        int first = health.first(), last = health.last();
        double f = health.layer(first).deltaNorm(), l = health.layer(last).deltaNorm();
        if (!Double.isFinite(f) || !Double.isFinite(l) || f == 0 || l == 0 || first == last) {
            return i18n.language() == I18n.Language.EN ? health.firstToLastDeltaSentence()
                    : i18n.text("health.delta.other", health.firstToLastDeltaSentence());
        }
        double ratio = f / l, factor = Math.max(ratio, 1 / ratio);
        if (factor < 1.05) return i18n.text("health.delta.same", first, last);
        return i18n.text(ratio < 1 ? "health.delta.smaller" : "health.delta.larger", first, GradientHealth.times(factor), last);
    }

    private void buildLayerGrid(int depth) {
        shownDepth = depth;
        layers.getChildren().clear();
        columns.clear();
        String[][] rows = rows();
        for (int r = 0; r < rows.length; r++) {
            Label caption = label(rows[r][0]);
            caption.getStyleClass().add("row-caption");
            if (rows[r][1] != null) caption.setTooltip(new Tooltip(rows[r][1]));
            layers.add(caption, 0, r);
        }
        for (int l = 1; l <= depth; l++) {
            Column c = new Column(i18n, l, depth);
            columns.add(c);
            Node[] cells = c.cells();
            for (int r = 0; r < cells.length; r++) layers.add(cells[r], l, r);
        }
    }

    private void showChain(Chain chain) {
        chainFactors.getChildren().clear();
        makeChain.setVisible(chain == null);
        if (chain == null) {
            chainSummary.setText("");
            return;
        }
        double[] partial = chain.partialProducts();
        List<Chain.Factor> factors = chain.factors();
        for (int k = 0; k < factors.size(); k++) {
            Chain.Factor f = factors.get(k);
            Label symbol = new Label(tidy(f.symbol()));
            symbol.getStyleClass().add("factor-symbol");
            Label value = new Label(number(f.value()));
            value.getStyleClass().add("factor-value");
            Label running = new Label("Π = " + number(partial[k]));
            running.getStyleClass().add("factor-running");
            VBox box = new VBox(symbol, value, running);
            box.getStyleClass().add("factor");
            box.getStyleClass().add(f.symbol().startsWith("w") ? "weight" : Math.abs(f.value()) < 0.3 ? "small" : "derivative");
            chainFactors.getChildren().add(box);
        }
        chainSummary.setText(i18n.text("health.chain.summary", factors.size(), number(chain.product()), number(chain.deltaL()),
                number(chain.x()[0]), number(chain.dldw1(0))));
    }

    /** "Φ'(a_2)" → "Φ'(a₂)", "w_3" → "w₃". */
    private static String tidy(String symbol) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < symbol.length()) {
            char c = symbol.charAt(i);
            if (c == '_') {
                int j = i + 1;
                while (j < symbol.length() && Character.isDigit(symbol.charAt(j))) j++;
                s.append(sub(Integer.parseInt(symbol.substring(i + 1, j))));
                i = j;
            } else {
                s.append(c);
                i++;
            }
        }
        return s.toString();
    }

    /** 0.2350, −1.204, 3.4e-7: four significant digits, scientific outside [10⁻³, 10⁴). */
    static String number(double v) {
        if (!Double.isFinite(v)) return Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "−∞";
        if (v == 0) return "0";
        double a = Math.abs(v);
        String s = a >= 1e-3 && a < 1e4 ? String.format(Locale.ROOT, "%.4g", v) : String.format(Locale.ROOT, "%.2e", v);
        return s.replace('-', '−');
    }

    /** One hidden (or the output) layer's cells in the per-layer grid. */
    private static final class Column {
        final Label header = new Label(), saturation = new Label(), update = new Label(), gradient = new Label(), delta = new Label();
        final HistogramCanvas a = new HistogramCanvas(), h = new HistogramCanvas(), phiPrime = new HistogramCanvas();
        final Color colour;
        final I18n i18n;

        Column(I18n i18n, int l, int depth) {
            this.i18n = i18n;
            colour = GradientChart.fxLayerColour(l, depth);
            header.getStyleClass().add("layer-header");
            header.setStyle("-fx-text-fill: " + web(colour) + ";");
            for (Label v : List.of(saturation, update, gradient, delta)) v.getStyleClass().add("layer-value");
            header.setId("healthLayer" + l);
            saturation.setId("healthSaturation" + l);
            update.setId("healthUpdate" + l);
            a.setId("healthHistA" + l);
            h.setId("healthHistH" + l);
            phiPrime.setId("healthHistPhiPrime" + l);
        }

        Node[] cells() {
            return new Node[] {header, saturation, update, gradient, delta, a, h, phiPrime};
        }

        void show(GradientHealth.LayerHealth layer, int depth) {
            header.setText(i18n.text(layer.l() == depth && depth > 1 ? "health.layer.output" : "health.layer", layer.l(),
                    layer.phi().name()));
            Saturation s = layer.saturation();
            String sat = describe(i18n, s);
            saturation.setText(sat.isEmpty() ? "—" : sat);
            setSeverity(saturation, sat.isEmpty() ? 0 : s.share() >= 0.5 ? 2 : s.share() >= 0.1 ? 1 : 0);
            double ratio = layer.updateToWeight();
            update.setText(Double.isNaN(ratio) ? "—" : number(ratio));
            setSeverity(update, Double.isNaN(ratio) ? 0 : ratio >= HEALTHY_UPDATE_LOW && ratio <= HEALTHY_UPDATE_HIGH ? 0
                    : ratio >= HEALTHY_UPDATE_LOW / 10 && ratio <= HEALTHY_UPDATE_HIGH * 10 ? 1 : 2);
            gradient.setText(number(layer.dLdWNorm()));
            delta.setText(number(layer.deltaNorm()));
            a.show(layer.a(), colour);
            h.show(layer.h(), colour);
            phiPrime.show(layer.phiPrime(), colour);
        }

        private static String web(Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                    (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
        }
    }

    /** One run of the comparison: its title, sentence, chart and saturation line. */
    private static final class Panel {
        final Label title = new Label(), sentence = new Label(), saturation = new Label();
        final GradientChart chart;
        final VBox box;
        final I18n i18n;

        Panel(I18n i18n) {
            this.i18n = i18n;
            chart = new GradientChart(i18n);
            title.getStyleClass().add("panel-title");
            sentence.getStyleClass().add("health-sentence");
            saturation.getStyleClass().add("health-subsentence");
            saturation.setWrapText(true);
            chart.setMinHeight(150);
            chart.setHint(i18n.text("health.chart.hintPair"));
            VBox.setVgrow(chart, Priority.ALWAYS);
            HBox head = new HBox(title, sentence);
            head.getStyleClass().add("panel-head");
            head.setAlignment(Pos.BASELINE_LEFT);
            box = new VBox(head, chart, saturation);
            box.getStyleClass().add("compare-panel");
        }

        void show(List<GradientHistory.Point> points, GradientHealth health, GradientChart.Measure measure, String stop) {
            chart.show(points, measure);
            if (health == null) {
                sentence.setText(stop.isEmpty() ? i18n.text("health.step", 0) : stop);
                setSeverity(sentence, stop.isEmpty() ? 0 : 2);
                saturation.setText("");
                return;
            }
            sentence.setText(speedSentence(i18n, health) + (stop.isEmpty() ? "" : " — " + stop));
            setSeverity(sentence, stop.isEmpty() ? severity(health.firstToLastRatio()) : 2);
            StringBuilder s = new StringBuilder(i18n.text("health.step", String.format(Locale.ROOT, "%,d", health.step())));
            String rule = "";
            List<String> shares = new ArrayList<>();
            for (int l = 1; l < health.depth(); l++) {
                Saturation sat = health.layer(l).saturation();
                switch (sat.rule()) {
                    case TANH, SIGMOID -> {
                        rule = "health.pair.saturated";
                        shares.add(Math.round(100 * sat.share()) + " %");
                    }
                    case DEAD_RELU -> {
                        rule = "health.pair.dead";
                        shares.add(sat.saturated() + "/" + sat.total());
                    }
                    case NONE -> shares.add("—");
                }
            }
            if (!rule.isEmpty()) s.append(" · ").append(i18n.text(rule, health.depth() - 1, String.join(" · ", shares)));
            saturation.setText(s.toString().trim());
        }
    }

    /** For tests: the charts of "This run", and of the top and bottom runs when comparing. */
    GradientChart chart() {
        return chart;
    }

    GradientChart topChart() {
        return topPanel.chart;
    }

    GradientChart bottomChart() {
        return bottomPanel.chart;
    }

    String topSentence() {
        return topPanel.sentence.getText();
    }

    String bottomSentence() {
        return bottomPanel.sentence.getText();
    }
}
