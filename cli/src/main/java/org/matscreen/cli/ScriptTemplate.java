package org.matscreen.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matscreen.core.error.MatscreenException;

/**
 * A batch-script template with {@code {{name}}} placeholders, rendered so that no value can change what the shell
 * or the batch system parses. A value is either a {@link Value#token token} (restricted to characters that mean
 * nothing to a shell or a directive parser, inserted as it is: numbers, times, partition names, paths of plain
 * characters) or {@link Value#text text} (anything without control characters, inserted single-quoted), or a list of
 * texts (each single-quoted). Lines starting with {@code #} (directives such as {@code #SBATCH} and comments) accept
 * tokens only, since neither quoting nor a newline is safe there. A line starting with {@code {{?name}}} is kept only
 * when {@code name} has a value. An unknown or missing placeholder is an error, never an empty string.
 */
final class ScriptTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\??)([a-z_]+)}}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.,:=@%/+-]+");
    /** A directive argument may also use the operators of a Slurm feature expression: & | * [ ] ( ) !. */
    private static final Pattern DIRECTIVE = Pattern.compile("[A-Za-z0-9_.,:=@%/+&|*\\[\\]()!-]+");

    /** A value to insert. */
    sealed interface Value permits Token, Text, Words, Directive {
        /** A value of safe characters only, inserted verbatim; anything else is refused here. */
        static Value token(String s) {
            return new Token(s);
        }

        /** Any text without control characters, inserted single-quoted. */
        static Value text(String s) {
            return new Text(s);
        }

        /**
         * A directive argument (a Slurm constraint such as {@code [intel&ib]|amd}): a token that may also hold
         * {@code & | * [ ] ( ) !}, which the batch system parses and a shell never sees; refused outside a
         * directive line.
         */
        static Value directive(String s) {
            return new Directive(s);
        }

        /** Several texts, each single-quoted, separated by spaces. */
        static Value words(List<String> words) {
            return new Words(words);
        }
    }

    record Token(String value) implements Value {
        Token {
            if (!isToken(value)) {
                throw new IllegalArgumentException("not a plain token: " + value);
            }
        }
    }

    record Directive(String value) implements Value {
        Directive {
            if (value == null || !DIRECTIVE.matcher(value).matches()) {
                throw new IllegalArgumentException("not a plain directive argument: " + value);
            }
        }
    }

    record Text(String value) implements Value {
        Text {
            requirePrintable(value);
        }
    }

    record Words(List<String> values) implements Value {
        Words {
            values = List.copyOf(values);
            values.forEach(ScriptTemplate::requirePrintable);
        }
    }

    private final String name;
    private final String text;

    ScriptTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** A template shipped in this package's {@code templates/} resources. */
    static ScriptTemplate resource(String file) {
        String path = "templates/" + file;
        try (InputStream in = ScriptTemplate.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new MatscreenException("template " + path + " is missing from the matscreen jar");
            }
            return new ScriptTemplate(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + path, e);
        }
    }

    /** Whether {@code s} may be inserted without quoting anywhere in a script. */
    static boolean isToken(String s) {
        return s != null && TOKEN.matcher(s).matches();
    }

    /** Whether {@code s} may be a directive argument ({@link Value#directive}). */
    static boolean isDirectiveArgument(String s) {
        return s != null && DIRECTIVE.matcher(s).matches();
    }

    /** {@code s} in single quotes, each embedded quote written as {@code '\''}. */
    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private static void requirePrintable(String s) {
        Objects.requireNonNull(s, "value");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("control character (code " + (int) c + ") in: " + s);
            }
        }
    }

    /** The script with every placeholder replaced; optional lines without a value are dropped. */
    String render(Map<String, Value> values) {
        List<String> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            Matcher opt = PLACEHOLDER.matcher(line);
            if (opt.lookingAt() && opt.group(1).equals("?")) {
                if (!values.containsKey(opt.group(2))) {
                    continue;
                }
                line = line.substring(opt.end());
            }
            out.add(renderLine(line, n + 1, values));
        }
        return String.join("\n", out);
    }

    private String renderLine(String line, int number, Map<String, Value> values) {
        boolean directive = line.startsWith("#");
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            if (m.group(1).equals("?")) {
                throw new MatscreenException(where(number) + "an optional marker {{?" + m.group(2)
                        + "}} must start its line");
            }
            Value v = values.get(m.group(2));
            if (v == null) {
                throw new MatscreenException(where(number) + "no value for {{" + m.group(2) + "}}");
            }
            String rendered;
            if (v instanceof Token t) {
                rendered = t.value();
            } else if (v instanceof Directive d) {
                if (!directive) {
                    throw new MatscreenException(where(number) + "{{" + m.group(2) + "}} is a directive argument,"
                            + " allowed on directive lines only");
                }
                rendered = d.value();
            } else if (v instanceof Text t) {
                rendered = shellQuote(t.value());
            } else {
                rendered = String.join(" ", ((Words) v).values().stream().map(ScriptTemplate::shellQuote).toList());
            }
            if (directive && !(v instanceof Token) && !(v instanceof Directive)) {
                throw new MatscreenException(where(number) + "{{" + m.group(2) + "}} is text, but a directive or"
                        + " comment line takes tokens only");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(rendered));
        }
        m.appendTail(b);
        return b.toString();
    }

    private String where(int line) {
        return "template " + name + " line " + line + ": ";
    }
}
