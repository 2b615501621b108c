package org.submitlab.sim;

import java.util.Arrays;

/**
 * Measured values of a run (delays, schedule lag; seconds) for its percentiles, kept as primitives: a long run at
 * 3,600× measures millions, and boxed in a list each took three times the memory. Guarded by its owner.
 */
final class Samples {

    private double[] values = new double[16];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** A copy in the order measured. */
    double[] toArray() {
        return Arrays.copyOf(values, size);
    }

    /** A sorted copy. */
    double[] sorted() {
        double[] copy = toArray();
        Arrays.sort(copy);
        return copy;
    }
}
