package org.matscreen.repository.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.matscreen.core.error.InvalidInputException;

class ExportFormatTest {
    @Test
    void parsesEachKeyIgnoringCaseAndBlanks() {
        assertEquals(ExportFormat.CIF, ExportFormat.parse("cif", "--format", ""));
        assertEquals(ExportFormat.POSCAR, ExportFormat.parse(" POSCAR ", "--format", ""));
        assertEquals(ExportFormat.EXTXYZ, ExportFormat.parse("ExtXYZ", "--format", ""));
        for (ExportFormat f : ExportFormat.values()) {
            assertEquals(f, ExportFormat.parse(f.key(), "test", ""));
        }
    }

    @Test
    void eachFormatHasItsWriter() {
        assertInstanceOf(CifWriter.class, ExportFormat.CIF.writer());
        assertInstanceOf(PoscarWriter.class, ExportFormat.POSCAR.writer());
        assertInstanceOf(ExtxyzWriter.class, ExportFormat.EXTXYZ.writer());
    }

    @Test
    void unknownFormatNamesSourceFieldAndTheKnownFormats() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> ExportFormat.parse("xyz", "campaign.yaml", "export.format"));
        assertEquals("campaign.yaml", e.source());
        assertEquals("export.format", e.field());
        assertEquals("unknown export format 'xyz' (known: cif, poscar, extxyz)", e.reason());
        assertEquals("campaign.yaml: field 'export.format': unknown export format 'xyz' (known: cif, poscar, extxyz)",
                e.getMessage());
    }

    @Test
    void missingFormatIsAnInputError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ExportFormat.parse(null, "--format", ""));
        assertEquals("unknown export format 'null' (known: cif, poscar, extxyz)", e.reason());
        assertThrows(InvalidInputException.class, () -> ExportFormat.parse("", "--format", ""));
    }
}
