package org.matscreen.core.descriptors;

import java.io.Serializable;
import java.util.Objects;

/**
 * The price of one element as published, with when it was read.
 *
 * @param usdPerKg price in US dollars per kg of element (nominal dollars of {@code year})
 * @param year year the price was read
 * @param month month the price was read, as the source gives it (e.g. {@code September}); empty if not given
 * @param source who published the number (e.g. {@code Wolfram Alpha})
 * @param note a caveat carried with the number (e.g. that it looks like an ore price); empty if none
 */
public record ElementPrice(double usdPerKg, int year, String month, String source, String note) implements Serializable {
    public ElementPrice {
        if (!Double.isFinite(usdPerKg) || usdPerKg < 0) {
            throw new IllegalArgumentException("price must be finite and >= 0 USD/kg: " + usdPerKg);
        }
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(note, "note");
    }
}
