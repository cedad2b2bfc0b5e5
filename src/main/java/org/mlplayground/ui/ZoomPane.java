package org.mlplayground.ui;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Parent;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows its one child magnified by {@link #zoomProperty() zoom}: the child is laid out at (width, height) / zoom
 * and drawn scaled up, so every font, line and heatmap grows together and nothing is cut off. Classroom mode
 * uses it to make the whole window readable from the back of a room.
 */
final class ZoomPane extends Region {
    static final double MIN_ZOOM = 1, MAX_ZOOM = 2.5;

    private final Parent content;
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1) {
        @Override
        protected void invalidated() {
            double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, get()));
            if (z != get()) {
                set(z);
                return;
            }
            scale.setX(z);
            scale.setY(z);
            requestLayout();
        }
    };

    ZoomPane(Parent content) {
        this.content = content;
        // The scene gives its root the style class "root"; the content's stylesheets define their looked-up
        // colours (-mlp-ink, …) on .root, so the content keeps that class now that it is no longer the root.
        if (!content.getStyleClass().contains("root")) content.getStyleClass().add("root");
        content.getTransforms().add(scale);
        getChildren().add(content);
        getStyleClass().add("zoom-pane");
    }

    /** The magnification, clamped to [{@value #MIN_ZOOM}, {@value #MAX_ZOOM}]. */
    DoubleProperty zoomProperty() {
        return zoom;
    }

    Parent content() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        double z = zoom.get();
        content.resizeRelocate(0, 0, getWidth() / z, getHeight() / z);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) * zoom.get();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) * zoom.get();
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(-1) * zoom.get();
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(-1) * zoom.get();
    }
}
