package org.mlplayground.ui;

import static org.mlplayground.ui.NumberText.sub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.mlplayground.data.Feature;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.Network;
import org.mlplayground.engine.Parameter;
import org.mlplayground.train.TrainingConfig;
import org.mlplayground.train.TrainingConfig.HiddenLayer;

/**
 * The network as TensorFlow Playground draws it: the input features on the left, one column per hidden
 * layer l = 1 … L−1 and the output layer L, every neuron a thumbnail of its output h_l over the plane, every
 * weight W_l[j, i] an edge (blue w &gt; 0, orange w &lt; 0, width and opacity growing with |w|, dashed when
 * exactly 0) and every bias b_l[j] a square at its neuron's corner. Hovering shows a value with its gradient
 * ∂L/∂θ of the last mini-batch; clicking a weight or a bias edits it.
 *
 * <p>The shape (features, layers, neurons) comes from {@link #configProperty() the config}, the numbers from
 * {@link #snapshotProperty() the snapshot}; while the snapshot still shows an older shape, the diagram draws
 * the new shape without numbers. The controls above the columns write a changed config.
 */
public final class NetworkDiagram extends Region {

    /** A neuron: layer 0 is the input, where unit is the feature's index in {@code config.features()}. */
    public record Neuron(int layer, int unit) {
    }

    /** Receives a parameter typed in: entry {@code index} of block {@code block} of {@code network.parameters()}. */
    @FunctionalInterface
    public interface EditHandler {
        void edit(int block, int index, double value);
    }

    static final double MAX_THUMB = 40;
    static final double MIN_THUMB = 14;
    /** Space between two neurons of a column, as a share of the thumbnail's side. */
    private static final double ROW_GAP = 0.3;
    private static final int FEATURE_GRID = 40;
    private static final double LABEL_GAP = 6;
    private static final double COLUMN_GAP = 8;
    private static final Feature[] FEATURES = Feature.values();
    /** Edge colours by sign and 33 steps of opacity, made once so that a frame allocates no colours. */
    private static final Color[] POSITIVE_EDGE = shades(Palette.POSITIVE);
    private static final Color[] NEGATIVE_EDGE = shades(Palette.NEGATIVE);
    /** Bias fills from the neutral grey (b = 0) to the full colour of its sign, in 33 steps. */
    private static final Color[] POSITIVE_BIAS = blends(Palette.POSITIVE);
    private static final Color[] NEGATIVE_BIAS = blends(Palette.NEGATIVE);
    private static final Color ZERO_EDGE = Color.web("#57606a", 0.55);
    private static final Color SHAPE_EDGE = Color.web("#8c959f", 0.35);
    private static final Color OUTLINE = Color.web("#8c959f");
    private static final Color HIGHLIGHT = Color.web("#1f2328");
    private static final Color DROPPED = Color.web("#d0d7de", 0.85);
    private static final double[] DASHES = {3, 3};
    private static final PseudoClass OFF = PseudoClass.getPseudoClass("off");

    private final ObjectProperty<Snapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final ObjectProperty<TrainingConfig> config = new SimpleObjectProperty<>(this, "config");
    private final ReadOnlyObjectWrapper<Neuron> hoveredNeuron = new ReadOnlyObjectWrapper<>(this, "hoveredNeuron");
    private EditHandler onEditParameter = (block, index, value) -> { };

    private final Canvas canvas = new Canvas();
    private final Button addLayer = new Button("+");
    private final Button removeLayer = new Button("\u2212");
    private final Label layerCount = new Label();
    private final HBox layerHeader = new HBox(addLayer, removeLayer, layerCount);
    private final Label featuresCaption = new Label();
    private final Label outputCaption = new Label();
    /** The language of the captions and hover texts. */
    private I18n i18n = I18n.ENGLISH;
    private final List<Label> featureLabels = new ArrayList<>();
    private final List<LayerControls> layerControls = new ArrayList<>();
    private final Label tip = new Label();
    private final Label editCaption = new Label();
    private final TextField editField = new TextField();
    private final Label editError = new Label();
    private final HBox editRow = new HBox(editCaption, editField);
    private final VBox editor = new VBox(editRow, editError);

    private final WritableImage[] featureImages = new WritableImage[FEATURES.length];
    private Plane featurePlane;
    /** h_l thumbnails, [l − 1][unit], reused while the shape stays. */
    private WritableImage[][] neuronImages = new WritableImage[0][];
    private int[] pixels = new int[0];

    // What is drawn, derived from the config and the snapshot when either changes.
    private TrainingConfig cfg;
    /** The snapshot when it has the config's shape, else null: then no numbers are drawn. */
    private Snapshot shown;
    /** n_0 … n_L as drawn: the selected features, the hidden layers, the outputs. */
    private int[] sizes = {2, 1};
    /** Row in the features column of input i (the features in enum order, as the network takes them). */
    private int[] inputRows = {0, 1};
    /** Index of W_l and b_l in {@code network.parameters()}, −1 if absent; index l − 1. */
    private int[] weightBlock = new int[0];
    private int[] biasBlock = new int[0];

    // Geometry, set by layoutChildren.
    private double thumb = MAX_THUMB;
    private double rowPitch = MAX_THUMB * (1 + ROW_GAP);
    private double top;
    private double featureLabelLeft;
    private double[] columnLeft = new double[2];

    private Hit hovered;
    /** Where the pointer was last seen over the diagram. */
    private double pointerX, pointerY;
    private EnumSet<Feature> selectedFeatures = EnumSet.of(Feature.X1, Feature.X2);
    private EditTarget editing;

    /** What is under the pointer. */
    private sealed interface Hit permits FeatureHit, NeuronHit, BiasHit, EdgeHit {
    }

    private record FeatureHit(Feature feature) implements Hit {
    }

    /** Neuron {@code unit} of layer l ≥ 1. */
    private record NeuronHit(int layer, int unit) implements Hit {
    }

    private record BiasHit(int layer, int unit) implements Hit {
    }

    /** W_l[j, i]: from neuron i of layer l − 1 to neuron j of layer l (0-based). */
    private record EdgeHit(int layer, int j, int i) implements Hit {
    }

    private record EditTarget(int block, int index, String name) {
    }

    public NetworkDiagram() {
        getStyleClass().add("network-diagram");
        getStylesheets().add(NetworkDiagram.class.getResource("network.css").toExternalForm());

        addLayer.setId("addLayer");
        removeLayer.setId("removeLayer");
        layerCount.setId("hiddenLayers");
        for (Button b : List.of(addLayer, removeLayer)) {
            b.getStyleClass().add("diagram-button");
            b.setMnemonicParsing(false);
        }
        addLayer.setOnAction(e -> addHiddenLayer());
        removeLayer.setOnAction(e -> removeHiddenLayer());
        layerHeader.getStyleClass().add("layer-header");
        layerHeader.setAlignment(Pos.CENTER);
        layerCount.getStyleClass().add("diagram-title");
        featuresCaption.getStyleClass().add("diagram-caption");
        outputCaption.getStyleClass().add("diagram-caption");
        setI18n(I18n.ENGLISH);

        getChildren().addAll(canvas, layerHeader, featuresCaption, outputCaption);
        for (Feature f : FEATURES) {
            Label label = new Label(f.label());
            label.setId("feature" + f.name());
            label.getStyleClass().add("feature-label");
            // The canvas below handles hover and clicks for the whole row, label and thumbnail alike.
            label.setMouseTransparent(true);
            featureLabels.add(label);
            getChildren().add(label);
        }

        tip.setId("hoverTip");
        tip.getStyleClass().add("diagram-tip");
        tip.setMouseTransparent(true);
        tip.setManaged(false);
        tip.setVisible(false);
        editor.setId("editor");
        editor.getStyleClass().add("edit-popup");
        editor.setManaged(false);
        editor.setVisible(false);
        editRow.setAlignment(Pos.CENTER_LEFT);
        editField.setId("editValue");
        editField.setPrefColumnCount(8);
        editCaption.getStyleClass().add("edit-caption");
        editError.setId("editError");
        editError.getStyleClass().add("edit-error");
        editError.managedProperty().bind(editError.visibleProperty());
        editError.setVisible(false);
        editField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                applyEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                closeEditor();
                e.consume();
            }
        });
        editField.focusedProperty().addListener((obs, was, now) -> {
            if (!now) closeEditor();
        });
        getChildren().addAll(tip, editor);

        canvas.setOnMouseMoved(this::pointerMoved);
        canvas.setOnMouseExited(e -> hover(null, e.getX(), e.getY()));
        canvas.setOnMouseClicked(this::clicked);

        config.addListener((obs, old, now) -> configChanged());
        snapshot.addListener((obs, old, now) -> snapshotChanged());
    }

    /** The snapshot on display; a new one redraws the numbers and heatmaps. */
    public ObjectProperty<Snapshot> snapshotProperty() {
        return snapshot;
    }

    /** The config the student asked for: read for the shape and the controls, written by them. */
    public ObjectProperty<TrainingConfig> configProperty() {
        return config;
    }

    /** The neuron under the pointer, or null. */
    public ReadOnlyObjectProperty<Neuron> hoveredNeuronProperty() {
        return hoveredNeuron.getReadOnlyProperty();
    }

    /** Who applies a weight or bias typed into the diagram. */
    public void setOnEditParameter(EditHandler handler) {
        onEditParameter = handler == null ? (block, index, value) -> { } : handler;
    }

    // ---------------------------------------------------------------------------------------------
    // Model → view

    private void configChanged() {
        TrainingConfig before = cfg;
        cfg = config.get();
        if (cfg == null) return;
        List<HiddenLayer> hidden = cfg.hidden();
        while (layerControls.size() > hidden.size()) getChildren().remove(layerControls.remove(layerControls.size() - 1));
        while (layerControls.size() < hidden.size()) {
            int l = layerControls.size() + 1;
            LayerControls controls = new LayerControls(l, layer -> config.set(config.get().withHiddenLayer(l, layer)));
            controls.useLanguage(i18n);
            layerControls.add(controls);
            getChildren().add(getChildren().indexOf(tip), controls);
        }
        for (int l = 1; l <= hidden.size(); l++) layerControls.get(l - 1).show(hidden.get(l - 1));
        layerCount.setText(i18n.text("diagram.hiddenLayers", hidden.size()));
        addLayer.setDisable(hidden.size() >= TrainingConfig.MAX_HIDDEN_LAYERS);
        removeLayer.setDisable(hidden.isEmpty());
        selectedFeatures = EnumSet.copyOf(cfg.features());
        for (int k = 0; k < FEATURES.length; k++) {
            featureLabels.get(k).pseudoClassStateChanged(OFF, !selectedFeatures.contains(FEATURES[k]));
        }
        inputRows = selectedFeatures.stream().mapToInt(Enum::ordinal).toArray();
        // A live change (learning rate, dropout) keeps the weights, and so a value being typed in.
        if (before == null || before.resetsWeights(cfg)) closeEditor();
        reshape();
        if (shown != null) shadeNeurons();
        requestLayout();
        refreshHover();
        draw();
    }

    private void snapshotChanged() {
        Snapshot s = snapshot.get();
        if (s != null && !s.data().plane().equals(featurePlane)) {
            featurePlane = s.data().plane();
            for (int k = 0; k < FEATURES.length; k++) {
                featureImages[k] = NeuronShading.feature(FEATURES[k], featurePlane, FEATURE_GRID);
            }
        }
        int outputs = sizes[sizes.length - 1];
        reshape();
        if (shown != null) shadeNeurons();
        if (sizes[sizes.length - 1] != outputs) requestLayout();
        refreshHover();
        draw();
    }

    /** Sizes from the config, numbers from the snapshot if it has that shape. */
    private void reshape() {
        if (cfg == null) return;
        Snapshot s = snapshot.get();
        int depth = cfg.hidden().size() + 1;
        sizes = new int[depth + 1];
        sizes[0] = inputRows.length;
        for (int l = 1; l < depth; l++) sizes[l] = cfg.hidden().get(l - 1).size();
        sizes[depth] = s == null ? 1 : s.network().outputLayer().size();
        shown = s != null && sameShape(s.config(), cfg) && s.network().depth() == depth ? s : null;
        if (shown == null) return;
        weightBlock = new int[depth];
        biasBlock = new int[depth];
        Arrays.fill(weightBlock, -1);
        Arrays.fill(biasBlock, -1);
        List<Parameter> params = shown.network().parameters();
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            if (p.weight()) weightBlock[p.layer() - 1] = k;
            if (!p.weight() && p.name().startsWith("b")) biasBlock[p.layer() - 1] = k;
        }
    }

    /** Same inputs, layer sizes and batch-norm layers: the same parameter blocks with the same layout. */
    private static boolean sameShape(TrainingConfig a, TrainingConfig b) {
        if (!EnumSet.copyOf(a.features()).equals(EnumSet.copyOf(b.features()))) return false;
        if (a.hidden().size() != b.hidden().size()) return false;
        for (int l = 0; l < a.hidden().size(); l++) {
            HiddenLayer x = a.hidden().get(l), y = b.hidden().get(l);
            if (x.size() != y.size() || x.batchNorm() != y.batchNorm()) return false;
        }
        return true;
    }

    /** Every neuron's h over the plane into its thumbnail; images are made only when the shape changes. */
    private void shadeNeurons() {
        Field field = shown.field();
        int n = field.thumbSize();
        double[][][] h = field.neurons();
        if (!fits(h, n)) {
            neuronImages = new WritableImage[h.length][];
            for (int l = 0; l < h.length; l++) {
                neuronImages[l] = new WritableImage[h[l].length];
                for (int j = 0; j < h[l].length; j++) neuronImages[l][j] = new WritableImage(n, n);
            }
            pixels = new int[n * n];
        }
        Network net = shown.network();
        for (int l = 1; l <= h.length; l++) {
            NeuronShading.Scale scale = NeuronShading.scaleOf(net.layer(l).phi(), l == h.length);
            for (int j = 0; j < h[l - 1].length; j++) {
                NeuronShading.shade(h[l - 1][j], scale, h[l - 1].length, pixels);
                neuronImages[l - 1][j].getPixelWriter().setPixels(0, 0, n, n, PixelFormat.getIntArgbInstance(),
                        pixels, 0, n);
            }
        }
    }

    private boolean fits(double[][][] h, int n) {
        if (neuronImages.length != h.length || pixels.length != n * n) return false;
        for (int l = 0; l < h.length; l++) if (neuronImages[l].length != h[l].length) return false;
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Controls → config

    private void addHiddenLayer() {
        List<HiddenLayer> hidden = new ArrayList<>(config.get().hidden());
        if (hidden.size() >= TrainingConfig.MAX_HIDDEN_LAYERS) return;
        // Like TensorFlow Playground: the new layer is like the last one, with 4 neurons.
        hidden.add(hidden.isEmpty() ? new HiddenLayer(4, Activation.tanh()) : hidden.get(hidden.size() - 1).withSize(4));
        config.set(config.get().withHidden(hidden));
    }

    private void removeHiddenLayer() {
        List<HiddenLayer> hidden = new ArrayList<>(config.get().hidden());
        if (hidden.isEmpty()) return;
        hidden.remove(hidden.size() - 1);
        config.set(config.get().withHidden(hidden));
    }

    private void toggleFeature(Feature f, double x, double y) {
        EnumSet<Feature> selected = EnumSet.copyOf(config.get().features());
        if (selected.contains(f) && selected.size() == 1) {
            showMessage(i18n.text("diagram.needsInput"), x, y);
            return;
        }
        if (!selected.remove(f)) selected.add(f);
        config.set(config.get().withFeatures(List.copyOf(selected)));
    }

    // ---------------------------------------------------------------------------------------------
    // Pointer

    private void pointerMoved(MouseEvent e) {
        hover(hitAt(e.getX(), e.getY()), e.getX(), e.getY());
    }

    private void clicked(MouseEvent e) {
        Hit hit = hitAt(e.getX(), e.getY());
        if (hit instanceof FeatureHit f) {
            toggleFeature(f.feature(), e.getX(), e.getY());
        } else if (hit instanceof EdgeHit || hit instanceof BiasHit) {
            openEditor(hit, e.getX(), e.getY());
        }
    }

    /** Keeps the tip's numbers current, or drops it if what it pointed at is gone. */
    private void refreshHover() {
        if (hovered == null) return;
        if (!exists(hovered)) {
            hover(null, pointerX, pointerY);
        } else if (tip.isVisible()) {
            hover(hovered, pointerX, pointerY);
        }
    }

    private boolean exists(Hit hit) {
        int depth = sizes.length - 1;
        if (hit instanceof NeuronHit n) return n.layer() <= depth && n.unit() < sizes[n.layer()];
        if (hit instanceof BiasHit b) return b.layer() <= depth && b.unit() < sizes[b.layer()] && shown != null;
        if (hit instanceof EdgeHit e) return e.layer() <= depth && e.j() < sizes[e.layer()] && e.i() < sizes[e.layer() - 1];
        return hit instanceof FeatureHit;
    }

    private void hover(Hit hit, double x, double y) {
        pointerX = x;
        pointerY = y;
        boolean changed = !Objects.equals(hit, hovered);
        hovered = hit;
        Neuron neuron = null;
        if (hit instanceof NeuronHit n) {
            neuron = new Neuron(n.layer(), n.unit());
        } else if (hit instanceof FeatureHit f && cfg.features().contains(f.feature())) {
            neuron = new Neuron(0, cfg.features().indexOf(f.feature()));
        }
        // Equal records would still invalidate the property every frame; listeners need only real changes.
        if (!Objects.equals(neuron, hoveredNeuron.get())) hoveredNeuron.set(neuron);
        if (hit == null) {
            tip.setVisible(false);
        } else {
            tip.setText(describe(hit));
            placeTip(x, y);
        }
        if (changed) draw();
    }

    private void showMessage(String text, double x, double y) {
        tip.setText(text);
        placeTip(x, y);
    }

    private void placeTip(double x, double y) {
        tip.setVisible(true);
        tip.applyCss();
        tip.autosize();
        double w = tip.getWidth(), h = tip.getHeight();
        double tx = x + 16 + w <= getWidth() ? x + 16 : Math.max(0, x - 16 - w);
        double ty = y + 18 + h <= getHeight() ? y + 18 : Math.max(0, y - 8 - h);
        tip.relocate(snapPositionX(tx), snapPositionY(ty));
    }

    /** What lies at (x, y) in the diagram's coordinates: a bias square, a neuron, a feature or an edge. */
    private Hit hitAt(double x, double y) {
        if (cfg == null) return null;
        int depth = sizes.length - 1;
        for (int k = 0; k < FEATURES.length; k++) {
            double y0 = rowTop(k);
            if (x >= featureLabelLeft && x <= columnLeft[0] + thumb && y >= y0 && y <= y0 + thumb) {
                return new FeatureHit(FEATURES[k]);
            }
        }
        double b = biasSide();
        for (int l = 1; l <= depth; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                double bx = columnLeft[l] - b / 2, by = rowTop(j) + thumb - b / 2;
                if (shown != null && biasBlock[l - 1] >= 0 && x >= bx - 1 && x <= bx + b + 1 && y >= by - 1
                        && y <= by + b + 1) {
                    return new BiasHit(l, j);
                }
            }
        }
        for (int l = 1; l <= depth; l++) {
            if (x < columnLeft[l] || x > columnLeft[l] + thumb) continue;
            for (int j = 0; j < sizes[l]; j++) {
                if (y >= rowTop(j) && y <= rowTop(j) + thumb) return new NeuronHit(l, j);
            }
        }
        EdgeHit best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int l = 1; l <= depth; l++) {
            double x0 = columnLeft[l - 1] + thumb, x1 = columnLeft[l];
            if (x < x0 - 4 || x > x1 + 4) continue;
            for (int j = 0; j < sizes[l]; j++) {
                double y1 = rowTop(j) + thumb / 2;
                for (int i = 0; i < sizes[l - 1]; i++) {
                    double y0 = rowTop(sourceRow(l, i)) + thumb / 2;
                    double d = distanceToSegment(x, y, x0, y0, x1, y1);
                    if (d < bestDistance && d <= Math.max(3, edgeWidth(l, j, i) / 2 + 2)) {
                        bestDistance = d;
                        best = new EdgeHit(l, j, i);
                    }
                }
            }
        }
        return best;
    }

    static double distanceToSegment(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0, dy = y1 - y0;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
        return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
    }

    // ---------------------------------------------------------------------------------------------
    // Words for what is hovered, in the course's notation with 1-based indices

    private String describe(Hit hit) {
        int depth = sizes.length - 1;
        if (hit instanceof FeatureHit f) {
            boolean on = cfg.features().contains(f.feature());
            return i18n.text(on ? "diagram.feature.on" : "diagram.feature.off", f.feature().label());
        }
        if (hit instanceof NeuronHit n) {
            StringBuilder text = new StringBuilder(neuronName(n.layer(), n.unit()));
            text.append(n.layer() == depth ? i18n.text("diagram.outputNeuron", depth, n.unit() + 1)
                    : i18n.text("diagram.hiddenNeuron", n.layer(), n.unit() + 1));
            if (shown != null) {
                Activation phi = shown.network().layer(n.layer()).phi();
                text.append(" · ").append(phi.name());
                if (phi instanceof Activation.Softmax && n.unit() < shown.data().classNames().size()) {
                    text.append(": P(").append(shown.data().classNames().get(n.unit())).append(")");
                }
                if (biasBlock[n.layer() - 1] >= 0) {
                    text.append('\n').append(parameterLine(biasBlock[n.layer() - 1], n.unit(), "b", null));
                }
                if (NeuronShading.dead(phi, shown.field().neurons()[n.layer() - 1][n.unit()])) {
                    text.append('\n').append(i18n.text("diagram.dead"));
                }
                if (dropped(n.layer(), n.unit())) text.append('\n').append(i18n.text("diagram.dropped"));
            }
            return text.toString();
        }
        if (shown == null) return "…";
        if (hit instanceof BiasHit b) {
            return parameterLine(biasBlock[b.layer() - 1], b.unit(), "b", null) + "\n"
                    + i18n.text("diagram.bias", neuronName(b.layer(), b.unit()));
        }
        EdgeHit e = (EdgeHit) hit;
        int block = weightBlock[e.layer() - 1];
        return parameterLine(block, e.j() * sizes[e.layer() - 1] + e.i(), "W", (e.j() + 1) + "," + (e.i() + 1))
                + "\n" + i18n.text("diagram.weight", neuronName(e.layer() - 1, e.i()), neuronName(e.layer(), e.j()));
    }

    /** "W2[1,3] = 0.4172   ∂L/∂W = −0.0213" for entry {@code index} of block {@code block}. */
    private String parameterLine(int block, int index, String symbol, String at) {
        Parameter p = shown.network().parameters().get(block);
        double value = p.value()[index];
        double gradient = shown.gradients().get(block)[index];
        String where = at != null ? at : Integer.toString(index + 1);
        return p.name() + "[" + where + "] = " + number(value) + (value == 0 ? i18n.text("diagram.exactlyZero") : "") + "   ∂L/∂" + symbol
                + " = " + number(gradient);
    }

    /**
     * Puts the diagram's captions, tooltips and hover texts in {@code i18n}'s language (the window calls it once,
     * before the first config arrives; English until then).
     */
    void setI18n(I18n i18n) {
        this.i18n = i18n;
        addLayer.setTooltip(new Tooltip(i18n.text("diagram.addLayer.tip", TrainingConfig.MAX_HIDDEN_LAYERS)));
        removeLayer.setTooltip(new Tooltip(i18n.text("diagram.removeLayer.tip")));
        layerCount.setTooltip(new Tooltip(i18n.text("diagram.hiddenLayers.tip")));
        featuresCaption.setText(i18n.text("diagram.features"));
        outputCaption.setText(i18n.text("diagram.output"));
        featuresCaption.setTooltip(new Tooltip(i18n.text("diagram.features.tip")));
        outputCaption.setTooltip(new Tooltip(i18n.text("diagram.output.tip")));
        for (LayerControls controls : layerControls) controls.useLanguage(i18n);
    }

    /** x₁ for an input, h₁,₂ (neuron 1 of layer 2, the course's order) for a hidden neuron, o₁ (or o) for an output. */
    private String neuronName(int layer, int unit) {
        int depth = sizes.length - 1;
        if (layer == 0) return FEATURES[inputRows[unit]].label();
        if (layer == depth) return sizes[depth] == 1 ? "o" : "o" + sub(unit + 1);
        return "h" + sub(unit + 1) + "," + sub(layer);
    }

    /** Four decimals, or three significant digits for tiny numbers, with a true minus sign. */
    static String number(double v) {
        String s = v != 0 && Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.3g", v)
                : String.format(Locale.ROOT, "%.4f", v);
        return s.replace('-', '\u2212');
    }

    // ---------------------------------------------------------------------------------------------
    // Editing a weight or bias

    private void openEditor(Hit hit, double x, double y) {
        if (shown == null) return;
        if (hit instanceof EdgeHit e) {
            int block = weightBlock[e.layer() - 1];
            editing = new EditTarget(block, e.j() * sizes[e.layer() - 1] + e.i(),
                    shown.network().parameters().get(block).name() + "[" + (e.j() + 1) + "," + (e.i() + 1) + "]");
        } else if (hit instanceof BiasHit b) {
            int block = biasBlock[b.layer() - 1];
            editing = new EditTarget(block, b.unit(), shown.network().parameters().get(block).name() + "[" + (b.unit() + 1) + "]");
        } else {
            return;
        }
        editCaption.setText(editing.name() + " = ");
        double value = shown.network().parameters().get(editing.block()).value()[editing.index()];
        editField.setText(String.format(Locale.ROOT, "%.4f", value));
        editError.setVisible(false);
        editor.setVisible(true);
        editor.applyCss();
        editor.autosize();
        double w = editor.getWidth(), h = editor.getHeight();
        editor.relocate(snapPositionX(Math.max(0, Math.min(x - w / 2, getWidth() - w))),
                snapPositionY(Math.max(0, Math.min(y + 12, getHeight() - h))));
        tip.setVisible(false);
        editField.requestFocus();
        editField.selectAll();
    }

    private void applyEdit() {
        if (editing == null) return;
        String typed = editField.getText().trim();
        double value;
        try {
            value = Double.parseDouble(typed.replace('\u2212', '-').replace(',', '.'));
        } catch (NumberFormatException ex) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value)) {
            editError.setText("'" + typed + "' is not a number; type e.g. 0.25 or −1.5 (Esc cancels)");
            editError.setVisible(true);
            editor.applyCss();
            editor.autosize();
            return;
        }
        EditTarget target = editing;
        closeEditor();
        onEditParameter.edit(target.block(), target.index(), value);
    }

    private void closeEditor() {
        editing = null;
        editor.setVisible(false);
        editError.setVisible(false);
    }

    // ---------------------------------------------------------------------------------------------
    // Layout

    private double rowTop(int row) {
        return top + row * rowPitch;
    }

    private double biasSide() {
        return Math.max(6, Math.min(10, thumb * 0.28));
    }

    /** The features-column row of neuron i of layer l − 1. */
    private int sourceRow(int l, int i) {
        return l == 1 ? inputRows[i] : i;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = in.getLeft(), width = getWidth() - left - in.getRight();
        double height = getHeight() - in.getTop() - in.getBottom();
        canvas.relocate(0, 0);
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        int depth = sizes.length - 1;
        int rows = FEATURES.length;
        for (int l = 1; l <= depth; l++) rows = Math.max(rows, sizes[l]);
        double labelWidth = 0;
        for (Label label : featureLabels) labelWidth = Math.max(labelWidth, label.prefWidth(-1));
        double headerHeight = layerHeader.prefHeight(-1);
        double captionHeight = Math.max(featuresCaption.prefHeight(-1), outputCaption.prefHeight(-1));

        // The thumbnail side fixes the columns' spacing, which fixes the controls' width and so their height,
        // which limits the side again: two rounds settle it.
        double side = MAX_THUMB, pitch = 0, controlsWidth = 0, controlsHeight = 0;
        for (int round = 0; round < 2; round++) {
            pitch = (width - labelWidth - LABEL_GAP - side - biasSide() - 4) / depth;
            controlsWidth = Math.max(40, Math.min(pitch - COLUMN_GAP, 150));
            controlsHeight = 0;
            for (LayerControls c : layerControls) {
                c.fitTo(controlsWidth);
                controlsHeight = Math.max(controlsHeight, c.prefHeight(controlsWidth));
            }
            double above = headerHeight + 6 + Math.max(controlsHeight + 6, captionHeight + 4);
            double fromHeight = (height - above - biasSide() / 2) / (rows + (rows - 1) * ROW_GAP);
            side = Math.max(MIN_THUMB, Math.min(MAX_THUMB, Math.min(fromHeight, pitch * 0.45)));
        }
        thumb = Math.floor(side);
        rowPitch = thumb * (1 + ROW_GAP);
        pitch = (width - labelWidth - LABEL_GAP - thumb - biasSide() - 4) / depth;
        featureLabelLeft = left;
        columnLeft = new double[depth + 1];
        columnLeft[0] = left + labelWidth + LABEL_GAP;
        for (int c = 1; c <= depth; c++) columnLeft[c] = Math.round(columnLeft[0] + c * pitch);

        double y = in.getTop();
        double headerWidth = layerHeader.prefWidth(-1);
        double hiddenCentre = depth > 1 ? (centre(1) + centre(depth - 1)) / 2 : (centre(0) + centre(depth)) / 2;
        double headerX = Math.max(left, Math.min(hiddenCentre - headerWidth / 2, left + width - headerWidth));
        layerHeader.resizeRelocate(snapPositionX(headerX), y, headerWidth, headerHeight);
        y += headerHeight + 6;
        for (int l = 1; l < depth; l++) {
            LayerControls c = layerControls.get(l - 1);
            c.resizeRelocate(snapPositionX(centre(l) - controlsWidth / 2), y, controlsWidth, controlsHeight);
        }
        top = Math.round(y + Math.max(controlsHeight + 6, captionHeight + 4));
        place(featuresCaption, (featureLabelLeft + columnLeft[0] + thumb) / 2, top - 4 - captionHeight, captionHeight);
        place(outputCaption, centre(depth), top - 4 - captionHeight, captionHeight);
        for (int k = 0; k < FEATURES.length; k++) {
            Label label = featureLabels.get(k);
            double h = label.prefHeight(-1);
            label.resizeRelocate(left, snapPositionY(rowTop(k) + (thumb - h) / 2), labelWidth, h);
        }
        if (editor.isVisible()) editor.autosize();
        draw();
    }

    private double centre(int column) {
        return columnLeft[column] + thumb / 2;
    }

    /** Puts {@code label} centred on {@code x}, kept inside the diagram. */
    private void place(Label label, double x, double y, double h) {
        double w = label.prefWidth(-1);
        double lx = Math.max(0, Math.min(x - w / 2, getWidth() - getInsets().getRight() - w));
        label.resizeRelocate(snapPositionX(lx), snapPositionY(y), w, h);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 700;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 520;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 360;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 300;
    }

    // ---------------------------------------------------------------------------------------------
    // Drawing

    /** Edge width for |w|: 0.5 px up to a maximum that grows with the thumbnails, saturating like tanh. */
    private double edgeWidth(int l, int j, int i) {
        if (shown == null) return 1;
        double w = weight(l, j, i);
        return 0.5 + (maxEdgeWidth() - 0.5) * Math.tanh(Math.abs(w));
    }

    private double maxEdgeWidth() {
        return Math.max(2.5, Math.min(6, thumb / 6.5));
    }

    private double weight(int l, int j, int i) {
        return shown.network().parameters().get(weightBlock[l - 1]).value()[j * sizes[l - 1] + i];
    }

    private boolean dropped(int l, int unit) {
        if (shown == null || l < 1 || l >= sizes.length - 1 || l > cfg.hidden().size()) return false;
        if (cfg.hidden().get(l - 1).dropout() == 0 || l - 1 >= shown.dropped().size()) return false;
        boolean[] mask = shown.dropped().get(l - 1);
        return unit < mask.length && mask[unit];
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (cfg == null || columnLeft.length != sizes.length) return;
        int depth = sizes.length - 1;
        g.setImageSmoothing(true);
        g.setLineDashes((double[]) null);
        for (int l = 1; l <= depth; l++) drawEdges(g, l, false);
        g.setLineDashes(DASHES);
        for (int l = 1; l <= depth; l++) drawEdges(g, l, true);
        g.setLineDashes((double[]) null);
        if (hovered instanceof EdgeHit e) drawEdge(g, e.layer(), e.j(), e.i(), true);

        for (int k = 0; k < FEATURES.length; k++) {
            g.setGlobalAlpha(selectedFeatures.contains(FEATURES[k]) ? 1 : 0.3);
            drawThumb(g, featureImages[k], columnLeft[0], rowTop(k), hovered instanceof FeatureHit f && f.feature() == FEATURES[k]);
        }
        g.setGlobalAlpha(1);
        double b = biasSide();
        for (int l = 1; l <= depth; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                WritableImage image = shown != null && l - 1 < neuronImages.length && j < neuronImages[l - 1].length
                        ? neuronImages[l - 1][j] : null;
                boolean off = dropped(l, j);
                g.setGlobalAlpha(off ? 0.35 : 1);
                boolean hot = hovered instanceof NeuronHit n && n.layer() == l && n.unit() == j;
                drawThumb(g, image, columnLeft[l], rowTop(j), hot);
                g.setGlobalAlpha(1);
                if (off) {
                    g.setFill(DROPPED);
                    g.fillRect(columnLeft[l], rowTop(j), thumb, thumb);
                    g.setStroke(OUTLINE);
                    g.setLineWidth(1.5);
                    g.strokeLine(columnLeft[l], rowTop(j), columnLeft[l] + thumb, rowTop(j) + thumb);
                }
                if (shown != null && biasBlock[l - 1] >= 0) {
                    double v = shown.network().parameters().get(biasBlock[l - 1]).value()[j];
                    double bx = columnLeft[l] - b / 2, by = rowTop(j) + thumb - b / 2;
                    g.setFill((v < 0 ? NEGATIVE_BIAS : POSITIVE_BIAS)[(int) Math.round(Math.tanh(Math.abs(v) * 2) * 32)]);
                    g.fillRect(bx, by, b, b);
                    boolean hotBias = hovered instanceof BiasHit h && h.layer() == l && h.unit() == j;
                    g.setStroke(hotBias ? HIGHLIGHT : OUTLINE);
                    g.setLineWidth(hotBias ? 2 : 1);
                    g.strokeRect(bx, by, b, b);
                }
            }
        }
    }

    private void drawThumb(GraphicsContext g, WritableImage image, double x, double y, boolean hot) {
        if (image != null) {
            g.drawImage(image, x, y, thumb, thumb);
        } else {
            g.setFill(Palette.NEUTRAL);
            g.fillRect(x, y, thumb, thumb);
        }
        g.setStroke(hot ? HIGHLIGHT : OUTLINE);
        g.setLineWidth(hot ? 2.5 : 1);
        g.strokeRect(x + 0.5, y + 0.5, thumb - 1, thumb - 1);
    }

    /** The edges into layer l: the exact zeros (dashed) or the rest. */
    private void drawEdges(GraphicsContext g, int l, boolean zeros) {
        for (int j = 0; j < sizes[l]; j++) {
            for (int i = 0; i < sizes[l - 1]; i++) {
                boolean zero = shown != null && weight(l, j, i) == 0;
                if (zero == zeros) drawEdge(g, l, j, i, false);
            }
        }
    }

    private void drawEdge(GraphicsContext g, int l, int j, int i, boolean hot) {
        double x0 = columnLeft[l - 1] + thumb, y0 = rowTop(sourceRow(l, i)) + thumb / 2;
        double x1 = columnLeft[l], y1 = rowTop(j) + thumb / 2;
        Color stroke;
        double width = 1;
        if (shown == null) {
            stroke = SHAPE_EDGE;
        } else {
            double w = weight(l, j, i);
            if (w == 0) {
                stroke = ZERO_EDGE;
            } else {
                double strength = Math.tanh(Math.abs(w));
                boolean faded = dropped(l - 1, i) || dropped(l, j);
                // Many edges at full strength hide each other: a crowded layer pair draws them lighter.
                double crowd = Math.min(1, 8 / Math.sqrt(sizes[l - 1] * sizes[l]));
                int shade = hot ? 32 : (int) Math.round((faded ? 0.15 : (0.25 + 0.75 * strength) * crowd) * 32);
                stroke = (w > 0 ? POSITIVE_EDGE : NEGATIVE_EDGE)[shade];
                width = 0.5 + (maxEdgeWidth() - 0.5) * strength;
            }
        }
        if (hot) {
            g.setStroke(HIGHLIGHT);
            g.setLineWidth(width + 3);
            g.strokeLine(x0, y0, x1, y1);
            width += 1;
        }
        g.setStroke(stroke);
        g.setLineWidth(width);
        g.strokeLine(x0, y0, x1, y1);
    }

    private static Color[] blends(Color c) {
        Color[] blends = new Color[33];
        for (int k = 0; k < blends.length; k++) blends[k] = Palette.NEUTRAL.interpolate(c, k / 32.0);
        return blends;
    }

    private static Color[] shades(Color c) {
        Color[] shades = new Color[33];
        for (int k = 0; k < shades.length; k++) shades[k] = Color.color(c.getRed(), c.getGreen(), c.getBlue(), k / 32.0);
        return shades;
    }

    // ---------------------------------------------------------------------------------------------
    // Geometry for tests: where a person would point, in the diagram's coordinates

    /** Centre of neuron {@code unit} of layer l ≥ 1. */
    Point2D neuronCentre(int layer, int unit) {
        return new Point2D(columnLeft[layer] + thumb / 2, rowTop(unit) + thumb / 2);
    }

    /** Centre of feature f's thumbnail. */
    Point2D featureCentre(Feature f) {
        return new Point2D(columnLeft[0] + thumb / 2, rowTop(f.ordinal()) + thumb / 2);
    }

    /** Centre of the bias square of neuron {@code unit} of layer l. */
    Point2D biasCentre(int layer, int unit) {
        return new Point2D(columnLeft[layer], rowTop(unit) + thumb);
    }

    /** The point a share t along the edge W_l[j, i] (0-based j, i). */
    Point2D edgePoint(int layer, int j, int i, double t) {
        double x0 = columnLeft[layer - 1] + thumb, y0 = rowTop(sourceRow(layer, i)) + thumb / 2;
        double x1 = columnLeft[layer], y1 = rowTop(j) + thumb / 2;
        return new Point2D(x0 + t * (x1 - x0), y0 + t * (y1 - y0));
    }

    /** {layer, j, i} of the edge at (x, y), or null if something else or nothing is there. */
    int[] edgeAt(double x, double y) {
        return hitAt(x, y) instanceof EdgeHit e ? new int[] {e.layer(), e.j(), e.i()} : null;
    }

    /** The side of the thumbnails as laid out. */
    double thumbSize() {
        return thumb;
    }

    /** Bottom of the lowest thumbnail. */
    double contentBottom() {
        int rows = FEATURES.length;
        for (int l = 1; l < sizes.length; l++) rows = Math.max(rows, sizes[l]);
        return rowTop(rows - 1) + thumb + biasSide() / 2;
    }

    /** Right edge of the output column with its bias squares. */
    double contentRight() {
        return columnLeft[sizes.length - 1] + thumb;
    }
}
