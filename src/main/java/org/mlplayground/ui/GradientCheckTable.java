package org.mlplayground.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The gradient check of one layer: for every parameter its backprop gradient g, the central-difference
 * estimate f = (C(w + ε) − C(w − ε))/2ε, and the relative error |g − f| / max(|g|, |f|, 1e-12), green
 * when the two agree to 1e-6, amber up to 1e-3, red beyond (a kink of ReLU or a bug).
 */
final class GradientCheckTable extends VBox {
    /** One checked parameter entry. */
    record Row(String entry, double backprop, double finiteDifference, Label relativeErrorCell) {
        double relativeError() {
            return relativeError(backprop, finiteDifference);
        }

        /** The engine's definition ({@link org.mlplayground.train.GradientCheck#relativeError}), so the colours follow it. */
        static double relativeError(double g, double f) {
            return org.mlplayground.train.GradientCheck.relativeError(g, f);
        }
    }

    /** A block of parameters to check: its display name, the entries' names, g and f. */
    record Block(String name, List<String> entries, double[] backprop, double[] finiteDifference) {
    }

    private final List<Row> rows = new ArrayList<>();

    GradientCheckTable(String title, List<Block> blocks) {
        setId("table-check");
        getStyleClass().addAll("matrix-table", "gradient-check");
        Label heading = new Label(title);
        heading.getStyleClass().add("matrix-title");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("matrix-grid");
        String[] headers = {"", "backprop", "finite diff.", "rel. error"};
        for (int c = 0; c < headers.length; c++) {
            Label h = new Label(headers[c]);
            h.getStyleClass().add("check-header");
            grid.add(h, c, 0);
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            grid.getColumnConstraints().add(cc);
        }
        int r = 1;
        for (Block block : blocks) {
            for (int k = 0; k < block.entries().size(); k++) {
                double g = block.backprop()[k];
                double f = k < block.finiteDifference().length ? block.finiteDifference()[k] : Double.NaN;
                Label entry = new Label(block.entries().get(k));
                entry.getStyleClass().add("check-entry");
                Label gCell = cell(MatrixTable.format(g));
                boolean pending = block.finiteDifference().length == 0;
                Label fCell = cell(pending ? "checking…" : MatrixTable.format(f));
                double rel = Row.relativeError(g, f);
                Label relCell = cell(pending ? "…" : formatError(rel));
                relCell.getStyleClass().add(pending ? "check-pending"
                        : rel < 1e-6 ? "check-good" : rel < 1e-3 ? "check-fair" : "check-bad");
                relCell.setTooltip(new Tooltip(pending ? "The finite differences of a large network are being computed"
                        : "|g − f| / max(|g|, |f|, 1e-4) = " + rel
                        + (rel < 1e-6 ? "\nbackprop and finite differences agree" : rel < 1e-3
                                ? "\nclose: rounding, or a kink nearby" : "\nthey disagree: a kink (ReLU at 0, |x|, a dropped unit) or a bug")));
                grid.addRow(r++, entry, gCell, fCell, relCell);
                rows.add(new Row(block.entries().get(k), g, f, relCell));
            }
        }
        getChildren().addAll(heading, grid);
    }

    List<Row> rows() {
        return rows;
    }

    private static Label cell(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("cell");
        return l;
    }

    /** A relative error in short scientific form: "3.1e-9", "0". */
    static String formatError(double rel) {
        if (Double.isNaN(rel)) return "—";
        if (rel == 0) return "0";
        return String.format(java.util.Locale.ROOT, "%.1e", rel).replace("e-0", "e-").replace("e+0", "e");
    }
}
