package org.imagesmith.unattend.dsl.ide.quickfix;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.imagesmith.unattend.model.Node;

/**
 * The layout of answer-file text around its elements, for fixes that move text: the lines an element stands on,
 * their indentation, the header of a block and where a block's last child goes. Text inside strings and comments
 * that span lines is never re-indented.
 */
final class TextLayout {
    private static final String DEFAULT_UNIT = "    ";

    private final String text;
    private final ICompositeNode root;
    private final String lineSeparator;

    /** A line of an element's text: relative to the element's indentation, or (inside a token) as it is. */
    record Line(String text, boolean indentable) {
    }

    TextLayout(XtextResource resource) {
        this.root = resource.getParseResult().getRootNode();
        this.text = root.getText();
        this.lineSeparator = text.contains("\r\n") ? "\r\n" : "\n";
    }

    String text() {
        return text;
    }

    String lineSeparator() {
        return lineSeparator;
    }

    ICompositeNode node(EObject element) {
        return NodeModelUtils.getNode(element);
    }

    /**
     * The change that takes element out: its whole lines when nothing else stands on them (a // comment after it goes
     * along), otherwise exactly its text.
     */
    TextChange removal(EObject element) {
        ICompositeNode node = node(element);
        int start = node.getOffset();
        int end = node.getEndOffset();
        int lineStart = lineStart(start);
        int lineEnd = text.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
        String rest = text.substring(end, lineEnd).strip();
        if (text.substring(lineStart, start).isBlank() && (rest.isEmpty() || rest.startsWith("//"))) {
            return new TextChange(lineStart, lineEnd - lineStart, "");
        }
        return new TextChange(start, end - start, "");
    }

    /** The lines of element's text, indented relative to the line it starts on. */
    List<Line> lines(EObject element) {
        ICompositeNode node = node(element);
        int start = node.getOffset();
        int end = node.getEndOffset();
        TextChange whole = removal(element);
        if (whole.offset() != start || whole.end() != end) {
            end = whole.end(); // the whole lines, with a trailing comment
            while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
                end--;
            }
        }
        String base = indentationAt(start);
        List<Line> lines = new ArrayList<>();
        int lineOffset = start;
        for (String line : text.substring(start, end).split("\r?\n", -1)) {
            if (lineOffset == start) {
                lines.add(new Line(line, true));
            } else if (insideToken(lineOffset)) {
                lines.add(new Line(line, false));
            } else {
                lines.add(new Line(line.startsWith(base) ? line.substring(base.length()) : line.stripLeading(), true));
            }
            lineOffset = text.indexOf('\n', lineOffset) + 1;
        }
        return lines;
    }

    /** element's text up to and with the '{' that opens its block (component Name amd64 {), or null without one. */
    String header(EObject element) {
        ICompositeNode node = node(element);
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (leaf.getGrammarElement() instanceof Keyword keyword && keyword.getValue().equals("{")
                    && NodeModelUtils.findActualSemanticObjectFor(leaf) == element) {
                return text.substring(node.getOffset(), leaf.getEndOffset());
            }
        }
        return null;
    }

    /** The change that adds lines (relative to their first) as the last children of block. */
    TextChange appendToBlock(EObject block, List<Line> lines) {
        ICompositeNode node = node(block);
        int brace = closingBrace(block);
        String indent = childIndentation(block);
        String blockIndent = indentationAt(node.getOffset());
        String rendered = render(lines, indent);
        if (text.substring(lineStart(brace), brace).isBlank()) {
            return new TextChange(lineStart(brace), 0, rendered);
        }
        return new TextChange(brace, 0, lineSeparator + rendered + blockIndent);
    }

    /** lines inside blocks opened by headers (outermost first), each level one indentation unit deeper. */
    List<Line> nest(List<String> headers, List<Line> lines, String unit) {
        List<Line> nested = new ArrayList<>();
        for (int depth = 0; depth < headers.size(); depth++) {
            nested.add(new Line(unit.repeat(depth) + headers.get(depth), true));
        }
        String inner = unit.repeat(headers.size());
        for (Line line : lines) {
            nested.add(line.indentable() ? new Line(inner + line.text(), true) : line);
        }
        for (int depth = headers.size() - 1; depth >= 0; depth--) {
            nested.add(new Line(unit.repeat(depth) + "}", true));
        }
        return nested;
    }

    /**
     * One level of indentation as the text writes it: the indentation of its first indented line (the first child
     * of unattend { ... }), four spaces when it has none.
     */
    String unit() {
        int lineStart = 0;
        while (lineStart < text.length()) {
            String indentation = indentationAt(lineStart);
            int lineEnd = text.indexOf('\n', lineStart);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            if (!indentation.isEmpty() && !text.substring(lineStart, lineEnd).isBlank() && !insideToken(lineStart)) {
                return indentation;
            }
            lineStart = lineEnd + 1;
        }
        return DEFAULT_UNIT;
    }

    /** The indentation of the children of block: that of its first child, or one unit more than its own. */
    private String childIndentation(EObject block) {
        for (EObject child : block.eContents()) {
            if (child instanceof Node) {
                int offset = node(child).getOffset();
                if (text.substring(lineStart(offset), offset).isBlank()) {
                    return indentationAt(offset);
                }
                break;
            }
        }
        return indentationAt(node(block).getOffset()) + unit();
    }

    private int closingBrace(EObject block) {
        ICompositeNode node = node(block);
        int brace = -1;
        for (ILeafNode leaf : node.getLeafNodes()) {
            if (leaf.getGrammarElement() instanceof Keyword keyword && keyword.getValue().equals("}")
                    && NodeModelUtils.findActualSemanticObjectFor(leaf) == block) {
                brace = leaf.getOffset();
            }
        }
        if (brace < 0) {
            throw new IllegalArgumentException(block.eClass().getName() + " has no block");
        }
        return brace;
    }

    private String render(List<Line> lines, String indent) {
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            if (line.indentable() && !line.text().isBlank()) {
                out.append(indent);
            }
            out.append(line.indentable() ? line.text().stripTrailing() : line.text()).append(lineSeparator);
        }
        return out.toString();
    }

    /** Whether offset, the start of a line, is inside a token (a string or comment) that began on an earlier line. */
    private boolean insideToken(int offset) {
        ILeafNode leaf = NodeModelUtils.findLeafNodeAtOffset(root, offset);
        return leaf != null && leaf.getOffset() < offset
                && !(leaf.getGrammarElement() instanceof TerminalRule rule && rule.getName().equals("WS"));
    }

    String indentationAt(int offset) {
        int start = lineStart(offset);
        int end = start;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(start, end);
    }

    private int lineStart(int offset) {
        return offset == 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
    }
}
