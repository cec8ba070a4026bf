package org.matscreen.core.result;

import org.matscreen.core.composition.Composition;
import org.matscreen.core.structure.StructureRecipe;
import org.matscreen.core.util.Hashing;

/**
 * Deterministic candidate ids: the SHA-256 of the canonical composition, the structure recipe and the method key.
 * Two campaigns that ask for the same calculation get the same id, which is what resume and the cross-campaign cache
 * rely on; the id also seeds the site ordering, so the id fixes the cell.
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

    /** The 64-bit ordering seed of an id (its first 16 hex digits). */
    public static long seed(String id) {
        return Long.parseUnsignedLong(id.substring(0, 16), 16);
    }
}
