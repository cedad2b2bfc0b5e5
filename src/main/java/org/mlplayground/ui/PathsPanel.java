package org.mlplayground.ui;

import static org.mlplayground.ui.NumberText.sub;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ejml.data.DMatrixRMaj;
import org.mlplayground.engine.Network;
import org.mlplayground.train.BackpropTrace;
import org.mlplayground.train.BackpropTrace.LayerTrace;
import org.mlplayground.train.PathSum;

/**
 * The lecture's sum over all paths (COURSE.md §3) next to backprop, for one weight w_{l,ij} of a backward stage
 * and one example of the traced step: every path from the weight to the loss with its factors typeset and
 * multiplied out, then Σ paths beside backprop's ∂ℓ/∂w_{l,ij} = δ_{i,l} h_{j,l−1} of the same example.
 *
 * <p>The paths run through the network the gradient was evaluated at (for look-ahead optimizers w + βv), with
 * the example's input and target as the trace has them. Indices follow the course: a_{k,l} is neuron k of layer l.
 */
final class PathsPanel extends VBox {
    /** Paths beyond this many are listed as plain text: typesetting each would make the panel slow. */
    static final int MAX_FORMULAS = 64;

    private final TexRenderer tex = new TexRenderer(20f);
    private final Label lead = new Label();
    private final Spinner<Integer> iChoice = new Spinner<>();
    private final Spinner<Integer> jChoice = new Spinner<>();
    private final Label exampleNote = new Label();
    private final Label weightLabel = new Label();
    private final HBox pickerBox = new HBox();
    private final Label heading = new Label();
    private final Label message = new Label();
    private final VBox formulaRows = new VBox(6);
    private final ListView<String> plainRows = new ListView<>();
    private final Label sumText = new Label();
    private final Label backpropText = new Label();
    private final Label differenceText = new Label();
    private final Label traceText = new Label();
    private final VBox summary = new VBox(2, sumText, backpropText, differenceText, traceText);

    private BackpropTrace trace;
    private int layer, viewColumn, i = 1, j = 1;
    private boolean syncing;
    /** What is shown: the example's column, its paths (null when refused), their count, this step's δ·h. */
    private int column;
    private PathSum pathSum;
    private long pathCount;
    private double traceTerm = Double.NaN;
    private MatrixTable picker;
    private Object shownKey;

    PathsPanel() {
        setId("pathsPanel");
        getStyleClass().add("paths-panel");
        setSpacing(8);
        lead.setId("pathsLead");
        lead.getStyleClass().add("paths-lead");
        for (Label l : List.of(lead, exampleNote, heading, message, sumText, backpropText, differenceText, traceText)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        iChoice.setId("pathI");
        jChoice.setId("pathJ");
        for (Spinner<Integer> s : List.of(iChoice, jChoice)) {
            s.setPrefWidth(72);
            s.setMinWidth(Region.USE_PREF_SIZE);
            s.valueProperty().addListener((o, was, now) -> {
                if (!syncing && now != null) select(layer, iChoice.getValue(), jChoice.getValue());
            });
        }
        iChoice.setTooltip(tip("i: the neuron of layer l the weight leads to"));
        jChoice.setTooltip(tip("j: the neuron of layer l − 1 it comes from"));
        weightLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label jLabel = new Label("j");
        HBox spinners = new HBox(6, weightLabel, iChoice, jLabel, jChoice);
        spinners.setAlignment(Pos.CENTER_LEFT);
        exampleNote.setId("pathsExample");
        exampleNote.getStyleClass().add("equation-note");
        VBox choice = new VBox(6, spinners, exampleNote);
        choice.setMaxWidth(420);
        pickerBox.setAlignment(Pos.TOP_LEFT);
        HBox top = new HBox(24, choice, pickerBox);
        top.setAlignment(Pos.TOP_LEFT);
        top.getStyleClass().add("paths-choice");

        heading.setId("pathsHeading");
        heading.getStyleClass().add("matrix-title");
        message.setId("pathsMessage");
        message.getStyleClass().add("paths-message");
        message.managedProperty().bind(message.visibleProperty());
        formulaRows.setId("pathRows");
        plainRows.setId("pathRest");
        plainRows.getStyleClass().add("path-rest");
        plainRows.setFixedCellSize(24);
        plainRows.managedProperty().bind(plainRows.visibleProperty());
        sumText.setId("pathSum");
        sumText.getStyleClass().add("paths-total");
        backpropText.setId("pathBackprop");
        differenceText.setId("pathDifference");
        traceText.setId("pathTrace");
        summary.setId("pathSummary");
        summary.getStyleClass().add("paths-sum");
        summary.managedProperty().bind(summary.visibleProperty());
        getChildren().addAll(lead, top, summary, heading, message, formulaRows, plainRows);
    }

    /**
     * Shows the paths of the chosen weight of layer {@code l} (w_{l,11} when the layer changes) for the example in
     * column {@code viewColumn} of {@code t}'s batch, or its first example when the view shows the batch mean.
     */
    void show(BackpropTrace t, int l, int viewColumn) {
        if (l != layer) {
            i = 1;
            j = 1;
        }
        trace = t;
        layer = l;
        this.viewColumn = viewColumn;
        update();
    }

    /** Chooses w_{l,ij}; shown at once if the panel is on screen, else at the next {@link #show}. */
    void select(int l, int i, int j) {
        layer = l;
        this.i = i;
        this.j = j;
        if (trace != null && getParent() != null) update();
    }

    // ---------------------------------------------------------------------------------------------
    // For tests: the model behind what is shown.

    /** The paths shown, or null when PathSum refused them (see {@link #message()}). */
    PathSum pathSum() {
        return pathSum;
    }

    /** How many paths lead from the weight to the loss, also when refused. */
    long pathCount() {
        return pathCount;
    }

    /** The batch column the paths are for. */
    int column() {
        return column;
    }

    /** This step's δ_{i,l} h_{j,l−1} of that example, NaN when the step used dropout (it then differs). */
    double traceTerm() {
        return traceTerm;
    }

    int weightI() {
        return i;
    }

    int weightJ() {
        return j;
    }

    /** The typeset rows: one per path up to {@link #MAX_FORMULAS}. */
    List<Node> formulaRows() {
        return formulaRows.getChildren();
    }

    /** The rest of the paths, one line of text each. */
    List<String> plainRows() {
        return plainRows.getItems();
    }

    /** The clickable ∂L/∂W_l that chooses the weight. */
    MatrixTable picker() {
        return picker;
    }

    Label message() {
        return message;
    }

    Label sumText() {
        return sumText;
    }

    Label backpropText() {
        return backpropText;
    }

    Label traceText() {
        return traceText;
    }

    Label exampleNote() {
        return exampleNote;
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * The network the trace's gradient was evaluated at: {@code before}, or for look-ahead optimizers its copy
     * with the layers' W and b of the pass (w + βv).
     */
    static Network evaluatedAt(BackpropTrace t) {
        Network net = t.before().copy();
        if (t.lookAhead()) {
            for (LayerTrace lt : t.layers()) {
                net.layer(lt.l()).W().setTo(lt.W());
                if (net.layer(lt.l()).hasBias()) net.layer(lt.l()).b().setTo(lt.b());
            }
        }
        return net;
    }

    private void update() {
        BackpropTrace t = trace;
        int l = layer;
        LayerTrace lt = t.layer(l);
        int rows = lt.W().numRows, cols = lt.W().numCols;
        i = Math.max(1, Math.min(rows, i));
        j = Math.max(1, Math.min(cols, j));
        column = viewColumn >= 0 && viewColumn < t.batchSize() ? viewColumn : 0;
        List<Object> key = List.of(t, l, column, viewColumn < 0, i, j);
        if (key.equals(shownKey)) return;
        shownKey = key;
        syncSpinners(rows, cols);
        weightLabel.setText("Weight w" + sub(l) + ",ij:   i");
        buildPicker(lt);

        Network net = evaluatedAt(t);
        double[] x = columnOf(t.x(), column), y = columnOf(t.y(), column);
        pathCount = PathSum.pathCount(net, l);
        String w = weight(l, i, j);
        boolean dropout = t.layers().stream().anyMatch(d -> d.mask() != null);
        exampleNote.setText(exampleText(t, dropout));
        formulaRows.getChildren().clear();
        plainRows.getItems().clear();
        try {
            pathSum = PathSum.of(net, x, y, l, i, j);
        } catch (IllegalArgumentException e) {
            pathSum = null;
            traceTerm = Double.NaN;
            lead.setText(leadText(net, l));
            heading.setText(pathCount + " paths lead from " + w + " to the loss");
            message.setText(e.getMessage().replaceAll("w_\\{(\\d+),(\\d+)(?:\\\\,)?(\\d+)\\}", w));
            message.setVisible(true);
            plainRows.setVisible(false);
            summary.setVisible(false);
            return;
        }
        message.setVisible(false);
        summary.setVisible(true);
        lead.setText(leadText(net, l));
        heading.setText(pathCount == 1 ? "The one path from " + w + " to the loss"
                : "The " + pathCount + " paths from " + w + " to the loss");
        List<PathSum.Path> paths = pathSum.paths();
        int depth = net.depth();
        for (int p = 0; p < paths.size() && p < MAX_FORMULAS; p++) formulaRows.getChildren().add(row(p + 1, paths.get(p), depth));
        List<String> rest = new ArrayList<>();
        for (int p = MAX_FORMULAS; p < paths.size(); p++) {
            rest.add((p + 1) + ".  " + route(paths.get(p), l, j, depth) + "     = " + MatrixTable.format(paths.get(p).product()));
        }
        plainRows.getItems().setAll(rest);
        plainRows.setVisible(!rest.isEmpty());
        plainRows.setPrefHeight(Math.min(rest.size(), 12) * plainRows.getFixedCellSize() + 4);

        String d = "δ" + sub(i) + "," + sub(l), h = "h" + sub(j) + "," + sub(l - 1);
        sumText.setText("Σ over the " + paths.size() + (paths.size() == 1 ? " path" : " paths") + (paths.size() > 1 ? " below" : "") + " = " + precise(pathSum.sum()));
        backpropText.setText("backprop ∂ℓ/∂" + w + " = " + d + " · " + h + " = " + precise(pathSum.backprop()));
        differenceText.setText("difference " + MatrixTable.format(Math.abs(pathSum.sum() - pathSum.backprop()), 2)
                + (pathSum.sum() == pathSum.backprop() ? " (exactly equal)" : " (rounding only)"));
        if (dropout) {
            traceTerm = Double.NaN;
            traceText.setText("This step used dropout (see its masks): the paths are for the network without dropout, so they"
                    + " are compared with backprop on that network only, not with this step's " + d + " · " + h + ".");
        } else {
            double delta = lt.delta().get(i - 1, column), hPrev = lt.hPrev().get(j - 1, column);
            traceTerm = delta * hPrev;
            traceText.setText("this step's " + d + " · " + h + " for example " + (column + 1) + ": " + num(delta) + " · " + num(hPrev)
                    + " = " + precise(traceTerm));
        }
    }

    /** One path: the neurons it passes, then its factors typeset with their values beneath, then the product. */
    private Node row(int number, PathSum.Path path, int depth) {
        Label route = new Label(number + ".  " + route(path, layer, j, depth));
        route.getStyleClass().add("path-route");
        StringBuilder product = new StringBuilder();
        for (PathSum.Factor f : path.factors()) {
            if (product.length() > 0) product.append(" \\cdot ");
            product.append("\\underset{").append(MatrixTable.format(f.value()).replace('−', '-')).append("}{").append(f.symbol()).append('}');
        }
        Node formula = tex.view(product.toString());
        Label value = new Label("= " + MatrixTable.format(path.product()));
        value.getStyleClass().addAll("path-value", path.product() > 0 ? "positive" : path.product() < 0 ? "negative" : "zero");
        value.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(6, formula, value);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox row = new VBox(0, route, line);
        row.getStyleClass().add("path-row");
        return row;
    }

    /** "h₂,₀ → a₁,₁ → a₂,₂ → a₁,₃ → o₁": neuron, then layer, as in the factors' symbols. */
    private static String route(PathSum.Path path, int l, int j, int depth) {
        StringBuilder s = new StringBuilder("h").append(sub(j)).append(',').append(sub(l - 1));
        List<Integer> neurons = path.neurons();
        int p = l;
        for (int k = 0; k < neurons.size(); k++, p++) {
            if (p <= depth) s.append(" → a").append(sub(neurons.get(k))).append(',').append(sub(p));
        }
        // Elementwise output: o_k after a_{k,L}; softmax: the last entry is the output m it reaches the loss through.
        return s.append(" → o").append(sub(neurons.get(neurons.size() - 1))).toString();
    }

    private String leadText(Network net, int l) {
        int depth = net.depth();
        boolean softmax = !net.outputLayer().phi().elementwise();
        String n = Long.toString(pathCount);
        if (l == depth) {
            return softmax
                    ? "Softmax couples the outputs, so a weight of the output layer reaches the loss through each o_m: " + n
                            + " paths, which backprop adds up in one go: δ" + sub(l) + " = o − y."
                    : "A weight of the output layer reaches the loss along one path: backprop's δ" + sub(l) + " = Φ'" + sub(l)
                            + "(a" + sub(l) + ") ⊙ ∂ℓ/∂o is that path without its first factor h" + sub(l - 1) + ".";
        }
        return "Backprop adds up these " + n + " paths once per layer instead of one by one: δ" + sub(l) + " = Φ'" + sub(l) + "(a"
                + sub(l) + ") ⊙ W" + sub(l + 1) + "ᵀ δ" + sub(l + 1) + ".";
    }

    private String exampleText(BackpropTrace t, boolean dropout) {
        String which = "example " + (column + 1) + (t.examples() != null && column < t.examples().length
                ? " (point #" + t.examples()[column] + ")" : "");
        String text = viewColumn < 0 || viewColumn >= t.batchSize()
                ? "The view shows the batch mean, but paths belong to one example: these are for " + which + "."
                : "For " + which + " of the mini-batch.";
        if (t.lookAhead()) text += " At the look-ahead point w + βv, where this step's gradient was taken.";
        return text + " Click an entry of ∂L/∂W" + sub(layer) + " or set i and j to choose another weight.";
    }

    /** ∂L/∂W_l of the step, each entry a button for its weight; the chosen one is marked. */
    private void buildPicker(LayerTrace lt) {
        picker = new MatrixTable("pathPicker", "∂L/∂W" + sub(layer) + " (click a weight)", "∂L/∂W" + sub(layer), lt.dLdW(), null);
        for (int r = 0; r < lt.dLdW().numRows; r++) {
            for (int c = 0; c < lt.dLdW().numCols; c++) {
                int row = r + 1, col = c + 1;
                Label cell = picker.cell(r, c);
                cell.getStyleClass().add("traceable");
                cell.setOnMouseClicked(e -> select(layer, row, col));
            }
        }
        picker.mark(i - 1, j - 1, MatrixTable.SOURCE);
        pickerBox.getChildren().setAll(picker);
    }

    private void syncSpinners(int rows, int cols) {
        syncing = true;
        try {
            iChoice.setValueFactory(new IntegerSpinnerValueFactory(1, rows, i));
            jChoice.setValueFactory(new IntegerSpinnerValueFactory(1, cols, j));
        } finally {
            syncing = false;
        }
    }

    private static double[] columnOf(DMatrixRMaj m, int c) {
        double[] v = new double[m.numRows];
        for (int r = 0; r < m.numRows; r++) v[r] = m.get(r, c);
        return v;
    }

    /** w₂,₁₂; with two-digit indices w₂,₁₀ ₃. */
    static String weight(int l, int i, int j) {
        return "w" + sub(l) + "," + sub(i) + (i < 10 && j < 10 ? "" : " ") + sub(j);
    }

    /** Enough digits to see Σ and backprop agree. */
    static String precise(double v) {
        return MatrixTable.format(v, 6);
    }

    private static String num(double v) {
        String s = MatrixTable.format(v);
        return v < 0 ? "(" + s + ")" : s;
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(300));
        return t;
    }
}
