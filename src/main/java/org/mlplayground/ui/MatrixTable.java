package org.mlplayground.ui;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.ejml.data.DMatrixRMaj;

/**
 * A matrix or vector of one stage as a titled grid of numbers, four significant digits, blue for positive and
 * orange for negative entries. Entries can be marked (style classes) to trace where a number came from.
 */
final class MatrixTable extends VBox {
    /** Style class of the entry under the mouse. */
    static final String SOURCE = "source";
    /** Style class of the entries it was computed from. */
    static final String TRACED = "traced";

    private final String key;
    private final String name;
    private final Label[][] cells;
    private final double[][] values;

    /**
     * @param key     what the table shows, for tests and CSS ({@code id} = "table-" + key)
     * @param title   the heading, e.g. "δ₂"
     * @param name    how an entry is named in tooltips, e.g. "δ₂" gives "δ₂[1, 3]"
     * @param m       the numbers, rows × columns
     * @param dropped entries to grey out (a dropout mask's zeros), same shape, or {@code null}
     */
    MatrixTable(String key, String title, String name, DMatrixRMaj m, boolean[][] dropped) {
        this.key = key;
        this.name = name;
        setId("table-" + key);
        getStyleClass().add("matrix-table");
        Label heading = new Label(title);
        heading.getStyleClass().add("matrix-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("matrix-grid");
        int rows = m.numRows, cols = m.numCols;
        cells = new Label[rows][cols];
        values = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = m.get(i, j);
                values[i][j] = v;
                Label cell = new Label(format(v));
                cell.getStyleClass().addAll("cell", v > 0 ? "positive" : v < 0 ? "negative" : "zero");
                if (dropped != null && dropped[i][j]) cell.getStyleClass().add("dropped");
                cell.setAlignment(Pos.CENTER_RIGHT);
                cell.setMaxWidth(Double.MAX_VALUE);
                Tooltip tip = new Tooltip(entryName(i, j) + " = " + v);
                tip.setShowDelay(Duration.millis(400));
                cell.setTooltip(tip);
                cells[i][j] = cell;
                grid.add(cell, j, i);
            }
        }
        setAlignment(Pos.TOP_CENTER);
        getChildren().addAll(heading, grid);
    }

    /** "δ₂[1]" for a vector, "W₂[1, 3]" for a matrix: 1-based, as in the course. */
    String entryName(int i, int j) {
        return cells.length > 0 && cells[0].length == 1 ? name + "[" + (i + 1) + "]"
                : cells.length == 1 ? name + "[" + (j + 1) + "]" : name + "[" + (i + 1) + ", " + (j + 1) + "]";
    }

    String key() {
        return key;
    }

    int rows() {
        return cells.length;
    }

    int cols() {
        return cells.length == 0 ? 0 : cells[0].length;
    }

    Label cell(int i, int j) {
        return cells[i][j];
    }

    /** The exact number behind entry (i, j). */
    double value(int i, int j) {
        return values[i][j];
    }

    void mark(int i, int j, String styleClass) {
        if (!cells[i][j].getStyleClass().contains(styleClass)) cells[i][j].getStyleClass().add(styleClass);
    }

    void markRow(int i, String styleClass) {
        for (int j = 0; j < cols(); j++) mark(i, j, styleClass);
    }

    void markColumn(int j, String styleClass) {
        for (int i = 0; i < rows(); i++) mark(i, j, styleClass);
    }

    void markAll(String styleClass) {
        for (int i = 0; i < rows(); i++) markRow(i, styleClass);
    }

    void clearMarks() {
        for (Label[] row : cells) for (Label cell : row) cell.getStyleClass().removeAll(SOURCE, TRACED);
    }

    /** The texts shown, row by row. */
    List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (Label[] row : cells) for (Label cell : row) texts.add(cell.getText());
        return texts;
    }

    /** Four significant digits, plain for 0.001 ≤ |v| &lt; 10⁵, else scientific: 0.4213, −12.35, 3.2e-7. */
    static String format(double v) {
        return format(v, 4);
    }

    /** Like {@link #format(double)} with {@code digits} significant digits. */
    static String format(double v, int digits) {
        if (v == 0) return "0";
        if (!Double.isFinite(v)) return Double.toString(v);
        double abs = Math.abs(v);
        if (abs >= 1e-3 && abs < 1e5) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
            return (d.scale() < 0 ? d.setScale(0) : d).toPlainString().replace('-', '−');
        }
        String[] parts = String.format(Locale.ROOT, "%." + (digits - 1) + "e", v).split("e");
        String mantissa = new BigDecimal(parts[0]).stripTrailingZeros().toPlainString();
        return (mantissa + "e" + Integer.parseInt(parts[1])).replace('-', '−');
    }

    /** Reads back a number written by {@link #format}. */
    static double parse(String text) {
        return Double.parseDouble(text.replace('−', '-'));
    }
}
