package org.matscreen.repository.filter;

/** The value comparison operators {@code = != < <= > >=}. */
public enum ComparisonOperator implements MatchOperator {
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    @Override
    public String symbol() {
        return symbol;
    }

    /** {@code =} or {@code !=}: the only operators that apply to booleans. */
    public boolean isEquality() {
        return this == EQ || this == NE;
    }

    /** The operator that gives the same result with its operands swapped: {@code 8 > n} is {@code n < 8}. */
    public ComparisonOperator mirrored() {
        switch (this) {
            case LT:
                return GT;
            case LE:
                return GE;
            case GT:
                return LT;
            case GE:
                return LE;
            default:
                return this;
        }
    }

    /** Whether the relation holds for a three-way comparison result ({@code <0}, {@code 0}, {@code >0}). */
    public boolean holds(int comparison) {
        switch (this) {
            case EQ:
                return comparison == 0;
            case NE:
                return comparison != 0;
            case LT:
                return comparison < 0;
            case LE:
                return comparison <= 0;
            case GT:
                return comparison > 0;
            default:
                return comparison >= 0;
        }
    }
}
