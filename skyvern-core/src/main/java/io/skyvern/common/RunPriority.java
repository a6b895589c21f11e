package io.skyvern.common;


import java.util.Locale;

/**
 * Queue priority. {@link #rank()} is what is stored: lower is more urgent, so that the queue index
 * (status, priority, created_at) serves "most urgent, then oldest" in one ascending scan.
 */
public enum RunPriority {
    URGENT(0), HIGH(1), NORMAL(2), LOW(3);

    private final int rank;

    RunPriority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public static RunPriority fromRank(int rank) {
        for (RunPriority p : values()) {
            if (p.rank == rank) {
                return p;
            }
        }
        throw new IllegalArgumentException("No priority with rank " + rank);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunPriority parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new SkyvernException(ErrorCode.VALIDATION_ERROR,
                    "priority must be one of low, normal, high, urgent (got '" + value + "')");
        }
    }
}
