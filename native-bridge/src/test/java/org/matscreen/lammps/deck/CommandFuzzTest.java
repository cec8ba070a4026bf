package org.matscreen.lammps.deck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and hostile arguments for every command builder: each call either refuses the input or produces a command
 * that passes the outgoing check, so nothing but allowed commands with plain arguments can reach LAMMPS.
 */
class CommandFuzzTest {
    private static final String NASTY = "$#&'\";\n\r\t shell include python print write_data ../ %{}[]()*?|<>`~\\";

    private static String randomText(SplittableRandom rng) {
        StringBuilder b = new StringBuilder();
        int n = rng.nextInt(12);
        for (int i = 0; i < n; i++) {
            b.append(rng.nextBoolean() ? NASTY.charAt(rng.nextInt(NASTY.length())) : (char) ('A' + rng.nextInt(58)));
        }
        return b.toString();
    }

    private static double randomNumber(SplittableRandom rng) {
        return switch (rng.nextInt(5)) {
            case 0 -> Double.NaN;
            case 1 -> rng.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            case 2 -> rng.nextDouble(-1e9, 1e9);
            default -> rng.nextDouble(0, 10);
        };
    }

    @Test
    void everyBuilderEitherRefusesOrEmitsACheckedCommand(@TempDir Path dir) throws IOException {
        Path pot = Files.writeString(dir.resolve("CuNi.eam.alloy"), "x");
        SplittableRandom rng = new SplittableRandom(2026);
        int refused = 0;
        int emitted = 0;
        for (int i = 0; i < 20_000; i++) {
            try {
                List<String> out = switch (i % 8) {
                    case 0 -> Commands.setup(new double[] {randomNumber(rng), randomNumber(rng), randomNumber(rng),
                        randomNumber(rng), randomNumber(rng), randomNumber(rng)}, rng.nextInt(-2, 80));
                    case 1 -> List.of(Commands.mass(rng.nextInt(-2, 80), randomNumber(rng)));
                    case 2 -> Commands.pair(rng.nextBoolean() ? "eam/alloy" : randomText(rng),
                            rng.nextBoolean() ? pot : dir.resolve(randomText(rng)),
                            List.of(rng.nextBoolean() ? "Cu" : randomText(rng), randomText(rng)));
                    case 3 -> List.of(Commands.minimize(randomNumber(rng), randomNumber(rng), rng.nextInt(),
                            rng.nextInt()));
                    case 4 -> List.of(Commands.changeBox(new double[] {randomNumber(rng), randomNumber(rng),
                        randomNumber(rng)}, new double[] {randomNumber(rng), randomNumber(rng), randomNumber(rng),
                            randomNumber(rng), randomNumber(rng), randomNumber(rng)}));
                    case 5 -> List.of(Commands.boxRelax(randomNumber(rng)));
                    case 6 -> List.of(Commands.minStyleCommand(rng.nextBoolean() ? "cg" : randomText(rng)));
                    default -> List.of(Commands.log(dir.resolve(randomText(rng))));
                };
                out.forEach(Commands::check);
                emitted++;
            } catch (IllegalArgumentException e) { // includes InvalidPathException
                refused++;
            }
        }
        // both branches are exercised, so the test would notice a builder that stops validating
        assertEquals(20_000, refused + emitted);
        org.junit.jupiter.api.Assertions.assertTrue(refused > 1000 && emitted > 1000, refused + " / " + emitted);
    }

    @Test
    void theOutgoingCheckRefusesWhatTheBuildersNeverMake() {
        assertThrows(IllegalStateException.class, () -> Commands.check("shell rm -rf /"));
        assertThrows(IllegalStateException.class, () -> Commands.check("include evil.in"));
        assertThrows(IllegalStateException.class, () -> Commands.check("mass 1 ${x}"));
        assertThrows(IllegalStateException.class, () -> Commands.check("mass 1 1.0 # comment"));
        assertThrows(IllegalStateException.class, () -> Commands.check("mass 1 1.0\nshell ls"));
        assertThrows(IllegalStateException.class, () -> Commands.check("mass 1 1.0 &"));
        assertEquals("mass 1 1.0", Commands.check("mass 1 1.0"));
    }
}
