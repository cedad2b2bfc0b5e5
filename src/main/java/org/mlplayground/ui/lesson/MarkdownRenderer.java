package org.mlplayground.ui.lesson;

import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.mlplayground.lesson.MathText;
import org.mlplayground.ui.TexRenderer;

/**
 * Turns a lesson's Markdown into JavaFX nodes: commonmark-java parses it, and each block becomes a node (a
 * paragraph a {@link TextFlow} of styled {@link Text}s, a list a column of marker and item, a block quote an
 * indented column with a bar, code a monospaced label). Formulas are taken out before parsing
 * ({@link MathText}) and typeset by JLaTeXMath where their placeholders land. All sizes follow one scale, so a
 * projector gets everything larger at once.
 */
final class MarkdownRenderer {
    /** Body text in pixels at scale 1. */
    static final double BASE_SIZE = 14;
    private static final Parser PARSER = Parser.builder().build();

    private final double scale;
    private final TexRenderer inlineTex, displayTex;
    private final Consumer<String> onLink;
    private List<MathText.Formula> formulas = List.of();

    MarkdownRenderer(double scale, Consumer<String> onLink) {
        this.scale = scale;
        this.inlineTex = new TexRenderer((float) (BASE_SIZE * 1.15 * scale));
        this.displayTex = new TexRenderer((float) (BASE_SIZE * 1.35 * scale));
        this.onLink = onLink;
    }

    /** The Markdown's blocks, one node each, in a column. */
    VBox render(String markdown) {
        MathText.Protected p = MathText.protect(markdown, 1);
        formulas = p.formulas();
        VBox column = column();
        blocks(PARSER.parse(p.markdown()), column);
        return column;
    }

    private VBox column() {
        VBox column = new VBox(0.6 * BASE_SIZE * scale);
        column.setFillWidth(true);
        return column;
    }

    private void blocks(org.commonmark.node.Node parent, VBox into) {
        for (org.commonmark.node.Node b = parent.getFirstChild(); b != null; b = b.getNext()) {
            Node node = block(b);
            if (node != null) into.getChildren().add(node);
        }
    }

    private Node block(org.commonmark.node.Node b) {
        if (b instanceof Heading h) {
            double size = switch (h.getLevel()) {
                case 1 -> 1.6;
                case 2 -> 1.3;
                default -> 1.12;
            };
            TextFlow flow = flow();
            inlines(h, flow, new Style(size, true, false, false));
            flow.getStyleClass().add("lesson-heading");
            return flow;
        }
        if (b instanceof Paragraph para) {
            Integer display = displayOnly(para);
            if (display != null) return formula(display);
            TextFlow flow = flow();
            inlines(para, flow, Style.BODY);
            return flow;
        }
        if (b instanceof BulletList || b instanceof OrderedList) {
            VBox list = new VBox(0.3 * BASE_SIZE * scale);
            int number = b instanceof OrderedList o && o.getMarkerStartNumber() != null ? o.getMarkerStartNumber() : 1;
            for (org.commonmark.node.Node item = b.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) continue;
                Text marker = text(b instanceof OrderedList ? number++ + "." : "•", Style.BODY);
                VBox content = column();
                content.setSpacing(0.3 * BASE_SIZE * scale);
                blocks(item, content);
                HBox.setHgrow(content, Priority.ALWAYS);
                HBox row = new HBox(0.5 * BASE_SIZE * scale, marker, content);
                row.setAlignment(Pos.TOP_LEFT);
                list.getChildren().add(row);
            }
            list.setPadding(new javafx.geometry.Insets(0, 0, 0, 0.6 * BASE_SIZE * scale));
            return list;
        }
        if (b instanceof BlockQuote) {
            VBox quote = column();
            blocks(b, quote);
            quote.getStyleClass().add("lesson-quote");
            quote.setStyle("-fx-border-width: 0 0 0 " + 4 * scale + "px; -fx-padding: 0 0 0 " + 10 * scale + "px;");
            return quote;
        }
        if (b instanceof FencedCodeBlock code) return codeBlock(code.getLiteral());
        if (b instanceof IndentedCodeBlock code) return codeBlock(code.getLiteral());
        if (b instanceof ThematicBreak) return new Separator();
        if (b instanceof HtmlBlock html) return codeBlock(html.getLiteral());
        return null;
    }

    /** The number of the display formula a paragraph consists of, or null. */
    private static Integer displayOnly(Paragraph p) {
        if (!(p.getFirstChild() instanceof org.commonmark.node.Text t) || t.getNext() != null) return null;
        String s = t.getLiteral().strip();
        if (s.length() < 3 || s.charAt(0) != MathText.DISPLAY || s.charAt(s.length() - 1) != MathText.END) return null;
        try {
            return Integer.parseInt(s.substring(1, s.length() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A formula on a line of its own, centred; scaled down to the column's width if it is wider. */
    private Node formula(int index) {
        Node view = displayTex.view(formulas.get(index).tex());
        HBox box = new HBox(view);
        box.setAlignment(Pos.CENTER);
        box.setMinWidth(0);
        box.getStyleClass().add("lesson-display-formula");
        if (view instanceof ImageView image) {
            box.widthProperty().addListener((obs, old, width) -> image.setFitWidth(
                    image.getImage().getWidth() > width.doubleValue() && width.doubleValue() > 0 ? width.doubleValue() : 0));
            image.setPreserveRatio(true);
        }
        return box;
    }

    /** A formula inside a line: its baseline on the text's baseline, descenders below it. */
    private Node inline(String tex) {
        Node view = inlineTex.view(tex);
        if (!(view instanceof ImageView image)) return view;
        double depth = inlineTex.depth(tex);
        Region holder = new Region() {
            {
                getChildren().add(image);
                setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
                setPrefSize(image.getImage().getWidth(), image.getImage().getHeight());
                setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
            }

            @Override
            public double getBaselineOffset() {
                return image.getImage().getHeight() - depth;
            }
        };
        return holder;
    }

    private Node codeBlock(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.setFont(Font.font("Monospaced", BASE_SIZE * 0.95 * scale));
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        code.getStyleClass().add("lesson-code-block");
        return code;
    }

    private TextFlow flow() {
        TextFlow flow = new TextFlow();
        flow.setLineSpacing(0.2 * BASE_SIZE * scale);
        return flow;
    }

    /** How inline text looks: a size relative to the body text, bold, italic, monospaced. */
    private record Style(double size, boolean bold, boolean italic, boolean mono) {
        static final Style BODY = new Style(1, false, false, false);

        Style withBold() {
            return new Style(size, true, italic, mono);
        }

        Style withItalic() {
            return new Style(size, bold, true, mono);
        }

        Style withMono() {
            return new Style(size, bold, italic, true);
        }
    }

    private void inlines(org.commonmark.node.Node parent, TextFlow flow, Style style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                literal(t.getLiteral(), flow, style);
            } else if (n instanceof Emphasis) {
                inlines(n, flow, style.withItalic());
            } else if (n instanceof StrongEmphasis) {
                inlines(n, flow, style.withBold());
            } else if (n instanceof Code c) {
                Text code = text(c.getLiteral(), style.withMono());
                code.getStyleClass().add("lesson-code");
                flow.getChildren().add(code);
            } else if (n instanceof Link link) {
                StringBuilder label = new StringBuilder();
                for (org.commonmark.node.Node c = link.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof org.commonmark.node.Text t) label.append(t.getLiteral());
                    else if (c instanceof Code code) label.append(code.getLiteral());
                }
                Hyperlink h = new Hyperlink(label.length() == 0 ? link.getDestination() : label.toString());
                h.setFont(font(style));
                h.setPadding(javafx.geometry.Insets.EMPTY);
                String target = link.getDestination();
                h.setOnAction(e -> onLink.accept(target));
                flow.getChildren().add(h);
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", style));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", style));
            } else if (n instanceof HtmlInline html) {
                flow.getChildren().add(text(html.getLiteral(), style));
            } else {
                inlines(n, flow, style);
            }
        }
    }

    /** Text with formula placeholders: the text as Text nodes, each formula as its image. */
    private void literal(String s, TextFlow flow, Style style) {
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != MathText.INLINE && c != MathText.DISPLAY) continue;
            int end = s.indexOf(MathText.END, i);
            if (end < 0) break;
            if (i > from) flow.getChildren().add(text(s.substring(from, i), style));
            int index = Integer.parseInt(s.substring(i + 1, end));
            String tex = formulas.get(index).tex();
            Node image = c == MathText.INLINE ? inline(tex) : displayTex.view(tex);
            flow.getChildren().add(image);
            from = end + 1;
            i = end;
        }
        if (from < s.length()) flow.getChildren().add(text(s.substring(from), style));
    }

    private Text text(String s, Style style) {
        Text t = new Text(s);
        t.setFont(font(style));
        t.getStyleClass().add("lesson-text");
        return t;
    }

    private Font font(Style style) {
        return Font.font(style.mono ? "Monospaced" : "System", style.bold ? FontWeight.BOLD : FontWeight.NORMAL,
                style.italic ? FontPosture.ITALIC : FontPosture.REGULAR, BASE_SIZE * style.size * scale);
    }
}
