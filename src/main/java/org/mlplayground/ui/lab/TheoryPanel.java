package org.mlplayground.ui.lab;

import javafx.scene.layout.VBox;

/** Placeholder until the surface package's BowlTheory is merged. */
final class TheoryPanel extends VBox {
    /** What a click on the panel picks for a row of {@code method}: γ, and β (NaN for none). */
    interface Pick {
        void pick(Method method, double gamma, double beta);
    }

    TheoryPanel() {
        setId("labTheory");
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    void setOnPick(Pick pick) {
    }

    void setSurface(LabSurface s) {
    }

    void setRace(Race race, RowSettings selected) {
    }

    void setSelected(RowSettings selected) {
    }
}
