package org.matscreen.lammps.worker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.matscreen.core.properties.PropertyRegistry;
import org.matscreen.core.sim.RelaxedState;
import org.matscreen.core.sim.Step;
import org.matscreen.core.composition.Composition;
import org.matscreen.core.sim.CalculationOutcome;
import org.matscreen.core.sim.CalculationRequest;
import org.matscreen.core.sim.PotentialRef;
import org.matscreen.core.sim.PropertySettings;
import org.matscreen.core.sim.Relaxation;
import org.matscreen.core.sim.RelaxSettings;
import org.matscreen.core.sim.Status;
import org.matscreen.core.sim.StrainStress;
import org.matscreen.core.structure.Prototype;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.structure.Supercell;
import org.matscreen.core.structure.SupercellBuilder;

class WireTest {
    static final PotentialRef POT = new PotentialRef("CuNi.eam.alloy", "/x/CuNi.eam.alloy", "ab", "eam/alloy",
            List.of("Ni", "Cu"), "Onat");

    @Test
    void requestsAndOutcomesRoundTrip() throws IOException {
        var s = SupercellBuilder.build(Composition.parse("Cu0.75Ni0.25"),
                StructureRecipe.random(Prototype.FCC, new Supercell(2, 2, 2), 0), 3.6, 5).structure();
        CalculationRequest req = PropertyRegistry.request("id1", s, Prototype.FCC, POT, RelaxSettings.DEFAULT,
                PropertySettings.DEFAULT, 12.5);
        assertEquals(EnumSet.allOf(Step.class), req.steps(), "the default protocol runs every step");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Wire.writeRequest(new DataOutputStream(bytes), req);
        assertEquals(req, Wire.readRequest(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))));

        double[][] plus = new double[6][6];
        double[][] minus = new double[6][6];
        plus[2][1] = 1.25;
        minus[5][5] = -3;
        int[] classes = new int[s.siteCount()];
        classes[3] = 3;
        classes[7] = 0;
        java.util.Arrays.fill(classes, 8, classes.length, 1);
        RelaxedState free = new RelaxedState(s, -121.0, new Relaxation(false, 5, 5000, "max iterations", 5, 0.1, 20),
                classes);
        CalculationOutcome o = new CalculationOutcome("id1", Status.OK, "note", s, -120.5,
                new Relaxation(true, 2, 340, "force tolerance", 1, 1e-6, 0.5), classes, new double[] {1, 2},
                new double[] {3, 4}, new StrainStress(0.005, plus, minus), free, 0.25, "LAMMPS 20210929");
        bytes.reset();
        Wire.writeOutcome(new DataOutputStream(bytes), o);
        CalculationOutcome back = Wire.readOutcome(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(o.relaxed(), back.relaxed());
        assertEquals(o.relaxation(), back.relaxation());
        assertEquals(o.energyEv(), back.energyEv());
        assertArrayEquals(o.eosEnergiesEvPerAtom(), back.eosEnergiesEvPerAtom());
        assertEquals(1.25, back.elastic().stressPlusGpa()[2][1]);
        assertEquals(-3, back.elastic().stressMinusGpa()[5][5]);
        assertEquals("note", back.errorText());
        assertArrayEquals(classes, back.siteClasses());
        assertEquals(free.relaxation(), back.free().relaxation());
        assertEquals(-121.0, back.free().energyEv());
        assertArrayEquals(classes, back.free().siteClasses());
        assertEquals(s, back.free().structure());
    }

    @Test
    void aCorruptFrameIsRefusedNotMisread() {
        byte[] garbage = {0, 2, 'i', 'd', 0x7f, 0x7f, 0x7f, 0x7f};
        assertThrows(IOException.class, () -> Wire.readOutcome(new DataInputStream(new ByteArrayInputStream(garbage))));
    }
}
