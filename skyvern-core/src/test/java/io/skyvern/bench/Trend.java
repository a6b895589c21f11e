package io.skyvern.bench;

import java.util.List;
import java.util.Locale;

/**
 * Whether a per-minute series grows: the least-squares slope per minute against a tolerance (an
 * absolute floor, or a share of the series' mean when that is larger). Benchmark support.
 */
final class Trend {
    private Trend() {
    }

    /** Least-squares slope of {@code values} taken one per step. */
    static double slope(List<Double> values) {
        int n = values.size();
        if (n < 2) {
            return 0;
        }
        double meanX = (n - 1) / 2.0;
        double meanY = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (values.get(i) - meanY);
            den += (i - meanX) * (i - meanX);
        }
        return num / den;
    }

    /**
     * One line: first and last value, slope per minute, and "flat" or "GROWS".
     *
     * @param floor    slope per minute that is noise whatever the size
     * @param relative share of the mean per minute that is noise (0.01 = 1 %)
     */
    static String verdict(String name, String unit, List<Double> values, double floor, double relative) {
        double slope = slope(values);
        double tolerance = tolerance(values, floor, relative);
        boolean grows = slope > tolerance;
        return String.format(Locale.ROOT, "%-30s %9.1f -> %9.1f %-3s slope %+7.2f %s/min (tolerance %.2f): %s", name,
                values.isEmpty() ? 0 : values.get(0), values.isEmpty() ? 0 : values.get(values.size() - 1), unit, slope,
                unit, tolerance, grows ? "GROWS" : "flat");
    }

    static boolean grows(List<Double> values, double floor, double relative) {
        return slope(values) > tolerance(values, floor, relative);
    }

    private static double tolerance(List<Double> values, double floor, double relative) {
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return Math.max(floor, Math.abs(mean) * relative);
    }
}
