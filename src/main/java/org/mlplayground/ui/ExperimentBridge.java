package org.mlplayground.ui;

import java.util.Arrays;
import java.util.List;
import org.mlplayground.experiment.Experiment;
import org.mlplayground.experiment.ExperimentData;
import org.mlplayground.train.Checkpoint;
import org.mlplayground.train.TrainingConfig;

/** Between the window's {@link SessionData} and an experiment file's {@link ExperimentData}. */
final class ExperimentBridge {
    private ExperimentBridge() {
    }

    /**
     * An experiment captured on the training thread, with what identifies the weights it holds on screen.
     *
     * @param run  the loop's run counter when captured
     * @param data the window's data object it was captured with
     */
    record Captured(Experiment experiment, long run, SessionData data) {
        /** Whether {@code s} shows exactly this run at this step with these weights and settings. */
        boolean matches(Snapshot s) {
            Checkpoint c = experiment.state();
            if (s.run() != run || s.step() != c.step() || s.data() != data || !s.config().equals(experiment.config())) {
                return false;
            }
            List<org.mlplayground.engine.Parameter> shown = s.network().parameters();
            if (shown.size() != c.weights().size()) return false;
            for (int b = 0; b < shown.size(); b++) {
                if (!Arrays.equals(Arrays.copyOf(shown.get(b).value(), shown.get(b).size()), c.weights().get(b))) return false;
            }
            return true;
        }
    }

    /** The run as a file holds it: generated points as their recipe, other points one by one. */
    static Captured capture(TrainingConfig config, SessionData data, Checkpoint state, long run) {
        ExperimentData points = data.generator() != null && data.generator() == config.data().generator()
                ? new ExperimentData.FromRecipe()
                : new ExperimentData.Points(data.name(), data.task(), data.classNames(), data.inputNames(), data.train(),
                        data.validation(), data.test(), new ExperimentData.Bounds(data.plane().xMin(), data.plane().xMax(),
                                data.plane().yMin(), data.plane().yMax()));
        return new Captured(new Experiment(config, points, state), run, data);
    }

    /** The window's data for an experiment. */
    static SessionData sessionData(Experiment e) {
        if (e.data() instanceof ExperimentData.Points p) {
            return new SessionData(p.name(), p.task(), p.classNames(), p.inputNames(), p.train(), p.validation(), p.test(),
                    new Plane(p.plane().xMin(), p.plane().xMax(), p.plane().yMin(), p.plane().yMax()), null);
        }
        return SessionData.generated(e.config().data());
    }
}
