package org.mlplayground.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mlplayground.experiment.ExperimentFiles;
import org.mlplayground.train.TrainingConfig;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Autosave (with a short period) writes the recovery file once the run changes; restoring it continues the run. */
@ExtendWith(ApplicationExtension.class)
class AutosaveTest {
    @Start
    void start(Stage stage) {
        // The toolkit runs; no window is needed.
    }

    private static ExperimentActions actions(TrainingLoop loop, Path home, List<String> messages) {
        return new ExperimentActions(ExperimentActions.host(loop, c -> { }, () -> { }, (text, bad) -> messages.add(text),
                () -> null), home, Duration.ofMillis(100));
    }

    @Test
    void autosaveWritesTheRecoveryFileAfterAChangeAndAcleanExitRemovesIt(@TempDir Path home) throws Exception {
        List<String> messages = new CopyOnWriteArrayList<>();
        try (TrainingLoop loop = new TrainingLoop(TrainingConfig.defaults())) {
            loop.start();
            ExperimentActions autosave = actions(loop, home, messages);
            Path recovery = autosave.recoveryFile();
            WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
            assertFalse(Files.exists(recovery), "nothing changed, nothing to save");

            for (int i = 0; i < 30; i++) loop.step();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loop.latest().step() == 30);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(recovery)
                    && ExperimentFiles.read(recovery).state().step() == 30);

            Snapshot saved = loop.latest();
            try (TrainingLoop after = new TrainingLoop(TrainingConfig.defaults())) {
                after.start();
                ExperimentActions restart = actions(after, home, messages);
                restart.restoreRecovery().get(20, TimeUnit.SECONDS);
                Snapshot restored = after.latest();
                assertEquals(30, restored.step());
                assertEquals(1, restored.epoch());
                for (int b = 0; b < saved.network().parameters().size(); b++) {
                    assertArrayEquals(saved.network().parameters().get(b).value(), restored.network().parameters().get(b).value());
                }
                assertTrue(messages.contains("Restored the run from before the crash at epoch 1."), messages.toString());
                restart.close();
            }
            autosave.close();
            assertFalse(Files.exists(recovery), "a clean exit leaves no recovery file");
        }
    }
}
