package org.mlplayground.experiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON read into a tree whose every value knows its line and column, so that a message about a value can say
 * where it is. Jackson's own tree forgets positions; this one is built from its streaming parser.
 */
final class JsonTree {
    private JsonTree() {
    }

    /** Where a value starts in the file, 1-based. */
    record Where(int line, int column) {
        @Override
        public String toString() {
            return "line " + line + ", column " + column;
        }
    }

    sealed interface Node permits Obj, Arr, Num, Str, Bool, Null {
        Where where();

        /** What kind of value this is, for messages: "a number", "text", … */
        String kind();
    }

    /** An object; {@code keys} says where each field's name is. */
    record Obj(Map<String, Node> fields, Map<String, Where> keys, Where where) implements Node {
        public String kind() {
            return "an object";
        }
    }

    record Arr(List<Node> items, Where where) implements Node {
        public String kind() {
            return "a list";
        }
    }

    /** A number as written; {@code integral} when it has neither a fraction nor an exponent and fits a long. */
    record Num(double value, boolean integral, long longValue, String text, Where where) implements Node {
        public String kind() {
            return "a number";
        }
    }

    record Str(String value, Where where) implements Node {
        public String kind() {
            return "text";
        }
    }

    record Bool(boolean value, Where where) implements Node {
        public String kind() {
            return "true/false";
        }
    }

    record Null(Where where) implements Node {
        public String kind() {
            return "null";
        }
    }

    /** A problem with the file, where it is (or null when it is the file as a whole). */
    static final class Problem extends Exception {
        final Where where;

        Problem(Where where, String message) {
            super(message);
            this.where = where;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** The one value the text holds. */
    static Node parse(InputStream in) throws Problem, IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) throw new Problem(null, "the file is empty");
            Node root = read(parser);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new Problem(where(parser.currentTokenLocation()), "more text after the end of the experiment");
            }
            return root;
        } catch (JsonEOFException e) {
            throw new Problem(null, "the file ends early (truncated?)");
        } catch (com.fasterxml.jackson.core.exc.StreamReadException e) {
            JsonLocation at = e.getLocation();
            String why = e.getOriginalMessage();
            int cut = why.indexOf('\n');
            if (cut >= 0) why = why.substring(0, cut);
            throw new Problem(at == null ? null : where(at), "not valid JSON: " + why);
        } catch (CharConversionException e) {
            throw new Problem(null, "not UTF-8 text (" + e.getMessage() + ")");
        }
    }

    private static Node read(JsonParser parser) throws Problem, IOException {
        Where at = where(parser.currentTokenLocation());
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> fields = new LinkedHashMap<>();
                Map<String, Where> keys = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    if (t == null) throw new JsonEOFException(parser, null, "end of input in an object");
                    String name = parser.currentName();
                    Where keyAt = where(parser.currentTokenLocation());
                    if (fields.containsKey(name)) throw new Problem(keyAt, "'" + name + "' appears twice");
                    parser.nextToken();
                    keys.put(name, keyAt);
                    fields.put(name, read(parser));
                }
                return new Obj(fields, keys, at);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    if (t == null) throw new JsonEOFException(parser, null, "end of input in a list");
                    items.add(read(parser));
                }
                return new Arr(items, at);
            }
            case VALUE_NUMBER_INT -> {
                String text = parser.getText();
                boolean fits = parser.getNumberType() == JsonParser.NumberType.INT
                        || parser.getNumberType() == JsonParser.NumberType.LONG;
                return new Num(parser.getDoubleValue(), fits, fits ? parser.getLongValue() : 0, text, at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Num(parser.getDoubleValue(), false, 0, parser.getText(), at);
            }
            case VALUE_STRING -> {
                return new Str(parser.getText(), at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Bool(token == JsonToken.VALUE_TRUE, at);
            }
            case VALUE_NULL -> {
                return new Null(at);
            }
            default -> throw new Problem(at, "unexpected " + token);
        }
    }

    private static Where where(JsonLocation location) {
        return new Where(location.getLineNr(), location.getColumnNr());
    }
}
