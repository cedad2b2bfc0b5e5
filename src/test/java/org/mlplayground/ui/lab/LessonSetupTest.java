package org.mlplayground.ui.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mlplayground.lesson.LabPreset;
import org.mlplayground.lesson.Lesson;
import org.mlplayground.lesson.LessonLibrary;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A lesson's lab setup lands in the lab as written in the lesson file. */
@ExtendWith(ApplicationExtension.class)
class LessonSetupTest {
    private OptimizerLab lab;

    @Start
    void start(Stage stage) {
        lab = new OptimizerLab();
        stage.setScene(new Scene(lab, 1280, 800));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void dispose() {
        onFx(() -> {
            lab.dispose();
            return null;
        });
    }

    @Test
    void theMomentumLessonsRaceIsTheOneItsFileDescribes() {
        Lesson lesson = LessonLibrary.load(Path.of("lessons")).find("09-momentum-nesterov", "en").orElseThrow();
        LabPreset preset = lesson.labAtTask(0);
        onFx(() -> {
            LessonSetup.apply(lab, preset);
            return null;
        });
        Race race = onFx(lab::race);
        assertEquals(preset.surface(), race.surface().id());
        assertEquals(preset.startX(), race.x0(), 0.0);
        assertEquals(preset.startY(), race.y0(), 0.0);
        List<Race.Run> runs = race.runs();
        assertEquals(preset.rows().size(), runs.size());
        for (int r = 0; r < runs.size(); r++) {
            LabPreset.Row want = preset.rows().get(r);
            RowSettings got = runs.get(r).settings();
            assertEquals(want.method(), got.method().optimizerId, "row " + r);
            assertEquals(want.learningRate(), got.rate(), 0.0, "γ of row " + r);
            if (want.parameters().containsKey("momentum")) assertEquals(want.parameters().get("momentum"), got.beta(), 0.0);
            // The path starts where the lesson says.
            assertEquals(preset.startX(), runs.get(r).x()[0], 0.0);
        }
    }

    @Test
    void secondOrderIdsMapToTheLabsMethods() {
        assertEquals(Method.CONJUGATE_GRADIENT, LessonSetup.method("cg"));
        assertEquals(Method.DAMPED_NEWTON, LessonSetup.method("damped-newton"));
        assertEquals(Method.LBFGS, LessonSetup.method("lbfgs"));
        RowSettings lbfgs = LessonSetup.settings(new LabPreset.Row("lbfgs", 1, java.util.Map.of("memory", 3.0)));
        assertEquals(3, lbfgs.memory());
        RowSettings decay = LessonSetup.settings(new LabPreset.Row("sgd", 0.1, java.util.Map.of("decay-exp", 0.01)));
        assertEquals(RowSettings.ScheduleKind.EXPONENTIAL, decay.schedule());
        assertEquals(0.01, decay.scheduleParam(), 0.0);
    }

    private static <T> T onFx(Callable<T> task) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, task);
    }
}
