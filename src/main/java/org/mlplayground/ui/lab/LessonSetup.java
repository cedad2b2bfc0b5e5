package org.mlplayground.ui.lab;

import java.util.ArrayList;
import java.util.List;
import org.mlplayground.lesson.LabPreset;

/**
 * Puts a lesson's lab setup ({@link LabPreset}: surface, bowl shape, start point, the racing optimizers with their
 * hyperparameters) into an {@link OptimizerLab}, as if the student had chosen each of them.
 */
public final class LessonSetup {
    private LessonSetup() {
    }

    /** Sets {@code lab} up as {@code preset} says. FX thread. */
    public static void apply(OptimizerLab lab, LabPreset preset) {
        lab.chooseSurface(preset.surface());
        if (preset.surface().equals("bowl")) lab.setBowl(preset.a(), preset.b(), preset.angle());
        List<RowSettings> rows = new ArrayList<>();
        for (LabPreset.Row row : preset.rows()) rows.add(settings(row));
        lab.setRows(rows);
        lab.setStart(preset.startX(), preset.startY());
    }

    /** One lesson row as the lab's row settings: the method, γ and every hyperparameter the lesson names. */
    static RowSettings settings(LabPreset.Row row) {
        RowSettings s = RowSettings.of(method(row.method()), row.learningRate());
        RowSettings.ScheduleKind schedule = RowSettings.ScheduleKind.CONSTANT;
        double scheduleParam = Double.NaN;
        if (row.parameters().containsKey("decay-exp")) {
            schedule = RowSettings.ScheduleKind.EXPONENTIAL;
            scheduleParam = row.parameter("decay-exp", 0);
        } else if (row.parameters().containsKey("decay-inverse")) {
            schedule = RowSettings.ScheduleKind.INVERSE;
            scheduleParam = row.parameter("decay-inverse", 0);
        }
        return new RowSettings(s.method(), true, row.learningRate(), row.parameter("momentum", s.beta()),
                row.parameter("rho", s.rho()), row.parameter("beta1", s.beta1()), row.parameter("beta2", s.beta2()),
                row.parameter("epsilon", s.epsilon()), schedule, scheduleParam, s.clip(), s.clipThreshold(),
                row.parameter("damping", s.lambda()), (int) row.parameter("memory", s.memory()));
    }

    /** The lab's method for a lesson's optimizer id (the CLI's ids: sgd … adam, newton, damped-newton, cg, bfgs, lbfgs). */
    static Method method(String id) {
        return switch (id) {
            case "newton" -> Method.NEWTON;
            case "damped-newton" -> Method.DAMPED_NEWTON;
            case "cg" -> Method.CONJUGATE_GRADIENT;
            case "bfgs" -> Method.BFGS;
            case "lbfgs" -> Method.LBFGS;
            default -> {
                for (Method m : Method.values()) if (id.equals(m.optimizerId)) yield m;
                throw new IllegalArgumentException("the lab has no optimizer '" + id + "'");
            }
        };
    }
}
