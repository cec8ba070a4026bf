package org.matscreen.core.result;

import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.util.Hashing;

/**
 * Deterministic candidate ids: the SHA-256 of the canonical composition, the structure recipe and the method key.
 * Two campaigns that ask for the same calculation get the same id, which is what resume and the cross-campaign cache
 * rely on; the id also seeds the site ordering, so the id fixes the cell. The members of an ensemble of potentials
 * compute one cell each: their site ordering is seeded from the {@link #configuration} id (composition and recipe,
 * method left out) and their ids are {@link #member} ids of it, so ids differ only in the method part.
 */
public final class CandidateIds {
    /** Bumped if the id recipe ever changes, so old and new ids can never collide. */
    static final String PREFIX = "matscreen-candidate/1|";

    private CandidateIds() {}

    public static String of(Composition composition, StructureRecipe recipe, MethodInfo method) {
        return of(composition, recipe.key(), method.key());
    }

    /** As {@link #of(Composition, StructureRecipe, MethodInfo)} with the recipe and method keys already computed. */
    public static String of(Composition composition, String recipeKey, String methodKey) {
        return Hashing.sha256Hex(PREFIX + composition.canonicalKey() + "|" + recipeKey + "|" + methodKey);
    }

    /** Prefix of configuration ids, which leave the method out. */
    static final String CONFIGURATION_PREFIX = "matscreen-configuration/1|";
    /** Prefix of the ids of ensemble members, so they can never equal an id of the single-potential rule. */
    static final String MEMBER_PREFIX = "matscreen-member/1|";

    /**
     * The id of a starting cell independent of the method: the SHA-256 of the canonical composition and the structure
     * recipe. The members of an ensemble of potentials share it and take their ordering seed from it, so they compute
     * the same cell.
     */
    public static String configuration(Composition composition, String recipeKey) {
        return Hashing.sha256Hex(CONFIGURATION_PREFIX + composition.canonicalKey() + "|" + recipeKey);
    }

    /**
     * The id of an ensemble member's candidate: the configuration id and the member's method key. The same potential
     * in two ensembles gets the same id (the result cache shares it); it never equals an {@link #of} id, whose cell
     * is seeded from the id itself.
     */
    public static String member(String configurationId, String methodKey) {
        return Hashing.sha256Hex(MEMBER_PREFIX + configurationId + "|" + methodKey);
    }

    /** The 64-bit ordering seed of an id (its first 16 hex digits). */
    public static long seed(String id) {
        return Long.parseUnsignedLong(id.substring(0, 16), 16);
    }
}
