package org.mlplayground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mlplayground.engine.Activation;
import org.mlplayground.engine.LayerSpec;
import org.mlplayground.engine.Loss;
import org.mlplayground.engine.NetworkSpec;
import org.mlplayground.train.BackpropTrace;
import org.mlplayground.train.BackpropTrace.Stage;

/**
 * The course's formula of each stage of a training step (COURSE.md §2–3, §5), as TeX lines for
 * {@link TexRenderer}, written with the layer's own numbers, activation and loss.
 */
final class StageFormulas {
    private StageFormulas() {
    }

    /** The formula lines of {@code stage}, top to bottom. */
    static List<String> lines(BackpropTrace trace, Stage stage) {
        NetworkSpec spec = trace.before().spec();
        return switch (stage.kind()) {
            case FORWARD -> forward(spec, stage.layer(), trace.layer(stage.layer()).mask() != null);
            case LOSS -> loss(spec);
            case BACKWARD -> backward(spec, stage.layer(), trace.layer(stage.layer()).mask() != null);
            case UPDATE -> update(trace.optimizer(), trace.learningRate());
        };
    }

    static List<String> forward(NetworkSpec spec, int l, boolean dropout) {
        LayerSpec layer = spec.layer(l);
        String lp = Integer.toString(l - 1), ls = Integer.toString(l);
        List<String> lines = new ArrayList<>();
        String affine = "a_{" + ls + "} = W_{" + ls + "}\\,h_{" + lp + "}" + (layer.bias() ? " + b_{" + ls + "}" : "");
        if (layer.batchNorm()) {
            lines.add(affine + ",\\quad \\hat{a}_{" + ls + "} = \\frac{a_{" + ls + "} - \\mu_B}{\\sqrt{\\sigma_B^2 + \\epsilon}}");
            lines.add("z_{" + ls + "} = \\gamma_{" + ls + "} \\odot \\hat{a}_{" + ls + "} + \\beta_{" + ls + "},\\quad h_{" + ls
                    + "} = \\Phi_{" + ls + "}(z_{" + ls + "}),\\quad \\Phi_{" + ls + "} = " + phi(layer.phi()));
        } else {
            lines.add(affine);
            lines.add("h_{" + ls + "} = \\Phi_{" + ls + "}(a_{" + ls + "}),\\quad \\Phi_{" + ls + "} = " + phi(layer.phi()));
        }
        if (dropout) lines.add("\\tilde{h}_{" + ls + "} = m_{" + ls + "} \\odot h_{" + ls + "}\\quad \\text{(dropout mask)}");
        return lines;
    }

    static List<String> loss(NetworkSpec spec) {
        String L = Integer.toString(spec.depth());
        return switch (spec.loss()) {
            case MSE -> List.of("L = \\frac{1}{B}\\sum_n \\ell(o_n, y_n),\\quad \\ell = \\tfrac{1}{2}\\|o - y\\|^2",
                    "\\frac{\\partial \\ell}{\\partial o} = o - y");
            case MAE -> List.of("L = \\frac{1}{B}\\sum_n \\ell(o_n, y_n),\\quad \\ell = \\sum_i |o_i - y_i|",
                    "\\frac{\\partial \\ell}{\\partial o} = \\mathrm{sgn}(o - y)");
            case SIGMOID_CROSS_ENTROPY -> List.of(
                    "L = \\frac{1}{B}\\sum_n \\ell(o_n, y_n),\\quad \\ell = -y \\log o - (1 - y)\\log(1 - o),\\quad o = \\sigma(a_{" + L + "})",
                    "\\frac{\\partial \\ell}{\\partial o} = \\frac{o - y}{o(1 - o)},\\quad \\delta_{" + L + "} = \\frac{\\partial \\ell}{\\partial a_{" + L
                            + "}} = o - y");
            case SOFTMAX_CROSS_ENTROPY -> List.of(
                    "L = \\frac{1}{B}\\sum_n \\ell(o_n, y_n),\\quad \\ell = -\\sum_i y_i \\log o_i,\\quad o = \\mathrm{softmax}(a_{" + L + "})",
                    "\\frac{\\partial \\ell}{\\partial o_i} = -\\frac{y_i}{o_i},\\quad \\delta_{" + L + "} = \\frac{\\partial \\ell}{\\partial a_{" + L
                            + "}} = o - y");
        };
    }

    static List<String> backward(NetworkSpec spec, int l, boolean dropout) {
        String ls = Integer.toString(l), lp = Integer.toString(l - 1), ln = Integer.toString(l + 1);
        LayerSpec layer = spec.layer(l);
        String arg = layer.batchNorm() ? "z_{" + ls + "}" : "a_{" + ls + "}";
        List<String> lines = new ArrayList<>();
        if (l == spec.depth()) {
            Loss loss = spec.loss();
            if (loss.fused()) lines.add("\\delta_{" + ls + "} = o - y");
            else lines.add("\\delta_{" + ls + "} = \\Phi_{" + ls + "}'(" + arg + ") \\odot \\frac{\\partial \\ell}{\\partial o},\\quad \\Phi_{"
                    + ls + "} = " + phi(layer.phi()));
        } else {
            String back = "W_{" + ln + "}^{\\top}\\,\\delta_{" + ln + "}";
            if (dropout) back = "m_{" + ls + "} \\odot (" + back + ")";
            else back = "(" + back + ")";
            if (layer.batchNorm()) {
                lines.add("\\frac{\\partial \\ell}{\\partial z_{" + ls + "}} = \\Phi_{" + ls + "}'(z_{" + ls + "}) \\odot " + back
                        + ",\\quad \\Phi_{" + ls + "} = " + phi(layer.phi()));
                lines.add("\\delta_{" + ls + "} = \\frac{\\gamma_{" + ls + "}}{\\sqrt{\\sigma_B^2 + \\epsilon}}\\left(g - \\bar{g} - \\hat{a}_{" + ls
                        + "} \\odot \\overline{g\\,\\hat{a}_{" + ls + "}}\\right),\\quad g = \\frac{\\partial \\ell}{\\partial z_{" + ls + "}}");
            } else {
                lines.add("\\delta_{" + ls + "} = \\Phi_{" + ls + "}'(a_{" + ls + "}) \\odot " + back + ",\\quad \\Phi_{" + ls + "} = "
                        + phi(layer.phi()));
            }
        }
        lines.add("\\frac{\\partial L}{\\partial W_{" + ls + "}} = \\frac{1}{B}\\sum_n \\delta_{" + ls + ",n}\\, h_{" + lp
                + ",n}^{\\top},\\quad \\frac{\\partial L}{\\partial b_{" + ls + "}} = \\frac{1}{B}\\sum_n \\delta_{" + ls + ",n}");
        return lines;
    }

    /** The update rule of the optimizer named {@code optimizer}, then γ's value. */
    static List<String> update(String optimizer, double learningRate) {
        String name = optimizer == null ? "" : optimizer.toLowerCase(Locale.ROOT);
        String g = "g = \\frac{\\partial C}{\\partial w},\\quad \\gamma = " + NumberText.compact(learningRate);
        List<String> rule;
        if (name.contains("adam")) {
            rule = List.of("f \\leftarrow \\beta_1 f + (1 - \\beta_1)\\,g,\\quad a \\leftarrow \\beta_2 a + (1 - \\beta_2)\\,g^2",
                    "\\hat{f} = \\frac{f}{1 - \\beta_1^k},\\quad \\hat{a} = \\frac{a}{1 - \\beta_2^k},\\quad w \\leftarrow w - \\gamma\\,\\frac{\\hat{f}}{\\sqrt{\\hat{a}} + \\epsilon}");
        } else if (name.contains("adadelta")) {
            rule = List.of("E[g^2] \\leftarrow \\rho E[g^2] + (1 - \\rho)\\,g^2,\\quad \\Delta w = -\\frac{\\sqrt{E[\\Delta w^2] + \\epsilon}}{\\sqrt{E[g^2] + \\epsilon}}\\,g",
                    "E[\\Delta w^2] \\leftarrow \\rho E[\\Delta w^2] + (1 - \\rho)\\,\\Delta w^2,\\quad w \\leftarrow w + \\Delta w");
        } else if (name.contains("rmsprop") && name.contains("nesterov")) {
            rule = List.of("a \\leftarrow \\rho a + (1 - \\rho)\\,g(w + \\beta v)^2",
                    "v \\leftarrow \\beta v - \\frac{\\gamma}{\\sqrt{a + \\epsilon}}\\,g(w + \\beta v),\\quad w \\leftarrow w + v");
        } else if (name.contains("rmsprop")) {
            rule = List.of("a \\leftarrow \\rho a + (1 - \\rho)\\,g^2,\\quad w \\leftarrow w - \\frac{\\gamma}{\\sqrt{a + \\epsilon}}\\,g");
        } else if (name.contains("adagrad")) {
            rule = List.of("a \\leftarrow a + g^2,\\quad w \\leftarrow w - \\frac{\\gamma}{\\sqrt{a} + \\epsilon}\\,g");
        } else if (name.contains("nesterov")) {
            rule = List.of("v \\leftarrow \\beta v - \\gamma\\,\\nabla C(w + \\beta v),\\quad w \\leftarrow w + v");
        } else if (name.contains("momentum")) {
            rule = List.of("v \\leftarrow \\beta v - \\gamma\\,\\nabla C(w),\\quad w \\leftarrow w + v");
        } else if (name.contains("gradient descent") || name.equals("sgd")) {
            rule = List.of("w \\leftarrow w - \\gamma\\,\\frac{\\partial C}{\\partial w}");
        } else {
            rule = List.of("w \\leftarrow w + \\Delta w\\quad \\text{(" + texText(optimizer == null ? "optimizer" : optimizer) + ")}");
        }
        List<String> lines = new ArrayList<>(rule);
        lines.add(g);
        return lines;
    }

    /** Φ's name as TeX. */
    static String phi(Activation phi) {
        return switch (phi.name()) {
            case "identity" -> "\\mathrm{id}";
            case "sign" -> "\\mathrm{sgn}";
            case "sigmoid" -> "\\sigma";
            case "tanh" -> "\\tanh";
            case "relu" -> "\\mathrm{ReLU}";
            case "leaky-relu" -> "\\mathrm{leaky\\,ReLU}";
            case "elu" -> "\\mathrm{ELU}";
            case "hard-tanh" -> "\\mathrm{hard\\,tanh}";
            case "softplus" -> "\\mathrm{softplus}";
            case "softmax" -> "\\mathrm{softmax}";
            default -> "\\mathrm{" + texText(phi.name()) + "}";
        };
    }

    /** Text safe inside \text{…}: TeX's special characters dropped. */
    private static String texText(String s) {
        return s.replaceAll("[\\\\{}$&#^_%~]", "");
    }
}
