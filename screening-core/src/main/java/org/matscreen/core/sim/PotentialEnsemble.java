package org.matscreen.core.sim;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.matscreen.core.util.Hashing;

/**
 * The potentials of a campaign that names several (an ensemble): each computes every candidate on the same cells, and
 * the spread of their results per composition estimates the systematic error of the potential. Members are
 * identified by their content key ({@link PotentialSpec#key()}), so a record finds its member by what it was computed
 * with, not by a name.
 *
 * @param members in campaign order (the order of the candidate space's member index)
 */
public record PotentialEnsemble(List<PotentialSpec> members) implements Serializable {

    public PotentialEnsemble {
        members = List.copyOf(members);
        if (members.size() < 2) {
            throw new IllegalArgumentException("an ensemble needs at least two potentials, got " + members.size());
        }
        Set<String> keys = new java.util.HashSet<>();
        for (PotentialSpec m : members) {
            if (!keys.add(m.key())) {
                throw new IllegalArgumentException("potential " + m.name() + " is in the ensemble twice");
            }
        }
    }

    /** Number of members. */
    public int size() {
        return members.size();
    }

    /** Member names in campaign order. */
    public List<String> names() {
        return members.stream().map(PotentialSpec::name).toList();
    }

    /** Member content keys in campaign order. */
    public List<String> keys() {
        return members.stream().map(PotentialSpec::key).toList();
    }

    /** The member computed with the potential of this content key, or -1. */
    public int indexOf(String potentialKey) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).key().equals(potentialKey)) {
                return i;
            }
        }
        return -1;
    }

    /** Content key of the ensemble: its members' keys in order. */
    public String key() {
        return Hashing.sha256Hex("matscreen-ensemble/1|" + String.join("|", keys()));
    }

    /**
     * The ensemble as one potential for the campaign's identity (manifest, fingerprint): the members' names joined by
     * {@code " + "}, the ensemble's key, their pair styles, the elements every member covers, and their citations.
     * Records carry their own member's spec.
     */
    public PotentialSpec spec() {
        Set<String> styles = new LinkedHashSet<>();
        List<String> common = new ArrayList<>(members.get(0).elements());
        List<String> citations = new ArrayList<>();
        for (PotentialSpec m : members) {
            styles.add(m.pairStyle());
            common.retainAll(m.elements());
            citations.add(m.name() + ": " + m.citation());
        }
        return new PotentialSpec(String.join(" + ", names()), key(), String.join("+", styles), common,
                String.join("; ", citations));
    }
}
