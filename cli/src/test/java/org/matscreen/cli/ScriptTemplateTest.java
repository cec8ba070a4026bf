package org.matscreen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.matscreen.cli.ScriptTemplate.Value;
import org.matscreen.core.error.MatscreenException;

/** Rendering is safe: whatever a value holds, the shell sees it as one literal word. */
class ScriptTemplateTest {
    static final List<String> HOSTILE = List.of("$(touch pwned)", "`touch pwned`", "a'b", "a\"b", "x; touch pwned",
            "* ?", "~", "{a,b}", "$HOME", "\\", "-n", "");

    @TempDir
    Path dir;

    @Test
    void hostileTextReachesTheProgramLiterally() {
        ScriptTemplate t = new ScriptTemplate("t", "#!/bin/bash\nset -euo pipefail\nprintf '%s\\n' {{words}}\n");
        String script = t.render(Map.of("words", Value.words(HOSTILE)));
        Processes.Result r = Processes.run(List.of("bash", "-c", script), Map.of(), dir, 30);
        assertEquals(0, r.code(), r.output());
        assertEquals(String.join("\n", HOSTILE) + "\n", r.output());
        assertFalse(dir.resolve("pwned").toFile().exists(), "nothing was executed");
    }

    @Test
    void textIsRefusedOnDirectiveAndCommentLines() {
        ScriptTemplate t = new ScriptTemplate("t", "#SBATCH --partition={{p}}");
        assertEquals("#SBATCH --partition=debug", t.render(Map.of("p", Value.token("debug"))));
        MatscreenException e = assertThrows(MatscreenException.class, () -> t.render(Map.of("p",
                Value.text("debug"))));
        assertTrue(e.getMessage().contains("tokens only"), e.getMessage());
    }

    @Test
    void tokensAndTextsRefuseWhatWouldBreakOut() {
        for (String bad : List.of("a b", "a;b", "$x", "a'b", "`x`", "a\nb", "", "~", "{a,b}", "*")) {
            assertThrows(IllegalArgumentException.class, () -> Value.token(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Value.text("line\nbreak"));
        assertThrows(IllegalArgumentException.class, () -> Value.text("tab\there"));
        assertThrows(IllegalArgumentException.class, () -> Value.words(List.of("ok", "bell\u0007")));
        assertEquals("01:00:00", ((ScriptTemplate.Token) Value.token("01:00:00")).value());
    }

    @Test
    void optionalLinesAndMissingValues() {
        ScriptTemplate t = new ScriptTemplate("t", "a\n{{?acct}}#SBATCH --account={{acct}}\nb {{x}}");
        assertEquals("a\nb 1", t.render(Map.of("x", Value.token("1"))));
        assertEquals("a\n#SBATCH --account=hp1\nb 1", t.render(Map.of("x", Value.token("1"), "acct",
                Value.token("hp1"))));
        MatscreenException e = assertThrows(MatscreenException.class, () -> t.render(Map.of()));
        assertTrue(e.getMessage().contains("no value for {{x}}") && e.getMessage().contains("line 3"),
                e.getMessage());
    }

    @Test
    void shippedTemplatesExist() {
        for (Scheduler s : Scheduler.values()) {
            assertTrue(ScriptTemplate.resource(s.template()) != null);
        }
        assertThrows(MatscreenException.class, () -> ScriptTemplate.resource("none"));
    }
}
