package org.matscreen.kim;

import java.nio.file.Path;
import org.matscreen.core.sim.PotentialRef;

/**
 * An installed KIM portable model as matscreen uses it.
 *
 * @param directory the model's installed folder (its shared library and nothing else, in OpenKIM's packaging)
 * @param collection the KIM collection it was found in
 * @param driverDirectory its driver's installed folder, null for a stand-alone model
 * @param sha256 SHA-256 over the files of both folders (see {@link KimModels#digest})
 */
public record KimModel(KimSpec spec, Path directory, String collection, Path driverDirectory, String sha256) {

    public String id() {
        return spec.id();
    }

    /** The engine's reference to this model: name {@code kim:<id>}, path its folder, pair style {@value KimModels#PAIR_STYLE}. */
    public PotentialRef toPotentialRef() {
        return new PotentialRef(KimModelId.PREFIX + id(), directory.toString(), sha256, KimModels.PAIR_STYLE,
                spec.species(), spec.citation());
    }
}
