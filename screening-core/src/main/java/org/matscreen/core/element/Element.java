package org.matscreen.core.element;

import java.io.Serializable;

/**
 * A chemical element: symbol, atomic number and standard atomic weight (g/mol). Obtain instances from
 * {@link PeriodicTable}; equality is by atomic number.
 */
public record Element(String symbol, int atomicNumber, double atomicMassGPerMol) implements Comparable<Element>, Serializable {

    @Override
    public int compareTo(Element other) {
        return Integer.compare(atomicNumber, other.atomicNumber);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Element e && e.atomicNumber == atomicNumber;
    }

    @Override
    public int hashCode() {
        return atomicNumber;
    }

    @Override
    public String toString() {
        return symbol;
    }
}
