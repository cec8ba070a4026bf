package org.matscreen.core.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.matscreen.core.error.InvalidInputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads the YAML files users write (campaigns, the server configuration) into a JSON tree, refusing what YAML
 * parsers let through silently, every error as one {@link InvalidInputException} line naming file, field and reason:
 * <ul>
 *   <li>a file larger than {@value #MAX_CHARS} characters, before parsing (it is also copied into the manifest), and
 *       any single value longer than {@value #MAX_VALUE_CHARS} characters;</li>
 *   <li>a key given twice in one mapping (YAML parsers keep the last), naming both lines;</li>
 *   <li>more than {@value #MAX_VALUES} values once aliases are expanded (a "billion laughs" document), or nesting
 *       deeper than {@value #MAX_DEPTH};</li>
 *   <li>syntax errors, with the line and column of the problem and a hint, instead of the parser's multi-line
 *       dump.</li>
 * </ul>
 * Aliases ({@code *name}) are read as the value of their anchor ({@code &name}); Jackson's YAML parser alone reads them
 * as the anchor's name.
 */
public final class YamlReader {
    public static final int MAX_CHARS = 1 << 20;
    public static final int MAX_VALUE_CHARS = 10_000;
    public static final int MAX_VALUES = 200_000;
    public static final int MAX_DEPTH = 64;

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /**
     * A parsed document.
     *
     * @param tree the document (a missing node for an empty one)
     * @param usesAliases whether any alias was expanded (readers that bind the text directly must use the tree)
     */
    public record Document(JsonNode tree, boolean usesAliases) {}

    private final String source;
    private final Map<String, JsonNode> anchors = new HashMap<>();
    /** Anchors of scalar values by the character offset where the scalar starts (Jackson does not report them). */
    private Map<Integer, String> scalarAnchors = Map.of();
    private int values;
    private boolean aliases;

    private YamlReader(String source) {
        this.source = source;
    }

    /** Reads a file, refusing one larger than {@value #MAX_CHARS} bytes before reading it. */
    public static String readText(Path file) {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(source, "", "is a directory, not a YAML file");
            }
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new InvalidInputException(source, "", "is not a regular file (a FIFO, socket or device)");
            }
            long size = Files.size(file);
            if (size > MAX_CHARS) {
                throw tooLarge(source, size + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source, "", "no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new InvalidInputException(source, "", "is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(source, "", "cannot read: " + e.getMessage());
        }
    }

    private static InvalidInputException tooLarge(String source, String size) {
        return new InvalidInputException(source, "", "is larger than " + (MAX_CHARS >> 20) + " MiB (" + size
                + "); a campaign or configuration file is a few kB");
    }

    /** Parses YAML text; {@code source} names it in errors. */
    public static Document parse(String text, String source) {
        if (text.length() > MAX_CHARS) {
            throw tooLarge(source, text.length() + " characters");
        }
        YamlReader r = new YamlReader(source);
        r.scalarAnchors = scalarAnchors(text, source);
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken t = p.nextToken();
            JsonNode tree = t == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : r.value(p, t, "", 0);
            if (p.nextToken() != null) {
                throw new InvalidInputException(source, "", "holds more than one YAML document; give one");
            }
            return new Document(tree, r.aliases);
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + source, e);
        }
    }

    private JsonNode value(YAMLParser p, JsonToken t, String path, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new InvalidInputException(source, path, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (p.isCurrentAlias()) {
            return alias(p, path);
        }
        String anchor = p.getCurrentAnchor();
        if (anchor == null && t.isScalarValue()) {
            anchor = scalarAnchors.get((int) p.currentTokenLocation().getCharOffset());
        }
        JsonNode node = switch (t) {
            case START_OBJECT -> object(p, path, depth);
            case START_ARRAY -> array(p, path, depth);
            case VALUE_STRING -> {
                String s = p.getText();
                if (s.length() > MAX_VALUE_CHARS) {
                    throw new InvalidInputException(source, path, "is " + s.length() + " characters long; at most "
                            + MAX_VALUE_CHARS + " characters are accepted");
                }
                yield JsonNodeFactory.instance.textNode(s);
            }
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> JsonNodeFactory.instance.numberNode(p.getIntValue());
                case LONG -> JsonNodeFactory.instance.numberNode(p.getLongValue());
                default -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> JsonNodeFactory.instance.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
            case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
            case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
            default -> throw new InvalidInputException(source, path, "unexpected YAML content (" + t + ")");
        };
        count(1, path);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    /**
     * The anchors of scalars, from SnakeYAML's own events (which Jackson's parser reads too, so offsets agree):
     * Jackson reports the anchor of a mapping or list but drops that of a scalar value.
     */
    private static Map<Integer, String> scalarAnchors(String text, String source) {
        Map<Integer, String> out = new HashMap<>();
        if (text.indexOf('&') < 0) {
            return out;
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS + 1);
        try {
            for (Event e : new Yaml(options).parse(new java.io.StringReader(text))) {
                if (e instanceof ScalarEvent se && se.getAnchor() != null) {
                    out.put(se.getStartMark().getIndex(), se.getAnchor());
                }
            }
        } catch (MarkedYAMLException e) {
            throw syntaxError(source, e);
        }
        return out;
    }

    private JsonNode alias(YAMLParser p, String path) throws IOException {
        String name = p.getText();
        JsonNode target = anchors.get(name);
        if (target == null) {
            throw new InvalidInputException(source, path, "alias *" + name + " at " + where(p.currentTokenLocation())
                    + " has no anchor &" + name + " before it (an alias cannot refer to the mapping or list it is in)");
        }
        aliases = true;
        count(size(target), path);
        return target.deepCopy();
    }

    private void count(long n, String path) {
        values += (int) Math.min(n, MAX_VALUES + 1L);
        if (values > MAX_VALUES) {
            throw new InvalidInputException(source, path, "the document holds more than " + MAX_VALUES
                    + " values counting what its aliases expand to; refusing to expand it");
        }
    }

    private static long size(JsonNode n) {
        long s = 1;
        for (JsonNode c : n) {
            s += size(c);
            if (s > MAX_VALUES) {
                return s;
            }
        }
        return s;
    }

    private ObjectNode object(YAMLParser p, String path, int depth) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        Map<String, JsonLocation> keys = new HashMap<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String key = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            String child = path.isEmpty() ? key : path + "." + key;
            if (key.length() > MAX_VALUE_CHARS) {
                throw new InvalidInputException(source, path, "a key is " + key.length() + " characters long");
            }
            JsonLocation first = keys.putIfAbsent(key, at);
            if (first != null) {
                throw new InvalidInputException(source, child, "'" + key + "' is given twice, on " + where(first)
                        + " and on " + where(at) + "; keep one (YAML readers would silently use the last)");
            }
            o.set(key, value(p, p.nextToken(), child, depth + 1));
        }
        return o;
    }

    private ArrayNode array(YAMLParser p, String path, int depth) throws IOException {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        int i = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            a.add(value(p, t, path + "[" + i++ + "]", depth + 1));
        }
        return a;
    }

    private static String where(JsonLocation l) {
        return "line " + l.getLineNr();
    }

    /** One line: where the parser found the problem, what it is, and a hint for the common indentation mistakes. */
    static InvalidInputException syntaxError(String source, JsonProcessingException e) {
        MarkedYAMLException marked = null;
        for (Throwable c = e; c != null && marked == null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m) {
                marked = m;
            }
        }
        if (marked != null) {
            return syntaxError(source, marked);
        }
        JsonLocation loc = e.getLocation();
        String what = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().strip().lines().findFirst()
                .orElse("");
        return new InvalidInputException(source, "", "not valid YAML" + (loc != null ? " at line "
                + loc.getLineNr() + ", column " + loc.getColumnNr() : "") + ": " + what);
    }

    private static InvalidInputException syntaxError(String source, MarkedYAMLException marked) {
        Mark at = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        String problem = marked.getProblem() == null ? "" : marked.getProblem().strip().lines()
                .map(String::strip).reduce((a, b) -> a + " " + b).orElse("");
        return new InvalidInputException(source, "", "not valid YAML at line " + (at.getLine() + 1) + ", column "
                + (at.getColumn() + 1) + ": " + hint(problem, marked.getContext()));
    }

    private static String hint(String problem, String context) {
        String p = problem.toLowerCase(Locale.ROOT);
        if (p.contains("'\\t'") || p.contains("tab")) {
            return "a tab character; YAML indents with spaces only";
        }
        if (p.startsWith("expected <block end>")) {
            return "this line is indented differently from the lines of the same mapping or list above it ("
                    + problem + ")";
        }
        if (p.startsWith("mapping values are not allowed")) {
            return "a ':' where no key can start: check the indentation of this line against the line above, and"
                    + " quote values that contain ': '";
        }
        if (p.startsWith("could not find expected ':'")) {
            return "a key without ':' (or a line indented as if it continued the key above)";
        }
        return (context == null ? "" : context.strip() + ": ") + problem;
    }
}
