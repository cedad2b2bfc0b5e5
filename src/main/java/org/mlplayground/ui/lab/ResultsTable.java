package org.mlplayground.ui.lab;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Rectangle;

/**
 * One line per run: the method, the steps it took to bring L − L* below 10⁻⁶ ("—" if it never did), the final
 * L − L*, and whether it diverged (the step where x, y or L stopped being finite).
 */
final class ResultsTable extends TableView<ResultsTable.Line> {

    /** What a row of the table says, as text. */
    record Line(int row, String method, String steps, String finalGap, String status) {
        static Line of(Race.Run run, Race race) {
            if (run.error() != null) return new Line(run.row(), run.method().label, "—", "—", run.error());
            if (!race.bounded()) {
                String status = run.diverged() ? "diverged at step " + run.divergedAt() : "L unbounded below";
                return new Line(run.row(), run.method().label, "—", "L = " + LabFormat.number(run.finalGap() + race.floor()), status);
            }
            int k = run.stepsToTolerance();
            String status = run.diverged() ? "diverged at step " + run.divergedAt()
                    : run.finalGap() < Race.TOLERANCE ? "converged"
                    : k >= 0 ? "reached 10⁻⁶, left again" : "not there yet";
            return new Line(run.row(), run.method().label, k >= 0 ? Integer.toString(k) : "—",
                    LabFormat.number(run.finalGap()), status);
        }
    }

    ResultsTable() {
        setId("labTable");
        setTooltip(new Tooltip("Steps until L − L* < 10⁻⁶, the final L − L*, and whether the run diverged."));
        TableColumn<Line, Integer> colour = new TableColumn<>("");
        colour.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().row()));
        colour.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Integer row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null
                        : new Rectangle(14, 14, ContourPlot.COLORS[row % ContourPlot.COLORS.length]));
            }
        });
        colour.setPrefWidth(30);
        colour.setSortable(false);
        getColumns().add(colour);
        getColumns().add(column("method", 150, Line::method));
        getColumns().add(column("steps to 10⁻⁶", 110, Line::steps));
        getColumns().add(column("final L − L*", 100, Line::finalGap));
        getColumns().get(getColumns().size() - 1).setId("labFinalColumn");
        getColumns().add(column("status", 180, Line::status));
        setColumnResizePolicy(CONSTRAINED_RESIZE_POLICY);
        setPrefHeight(190);
        setPlaceholder(new javafx.scene.control.Label("No optimizer switched on."));
    }

    private static TableColumn<Line, String> column(String title, double width, java.util.function.Function<Line, String> value) {
        TableColumn<Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    void show(Race race) {
        getItems().setAll(FXCollections.observableArrayList(race.runs().stream().map(r -> Line.of(r, race)).toList()));
    }
}
