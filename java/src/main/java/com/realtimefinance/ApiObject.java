package com.realtimefinance;

import java.util.Arrays;

/**
 * An immutable object from an API response, compared by value. Two objects
 * are equal when they are of the same class and {@link #fieldValues()}
 * returns equal arrays.
 *
 * <p>equals and hashCode are not final, because javac (checked with 17) adds
 * a public bridge for them to every public subclass only when they can be
 * overridden. See {@link Params} for why reflection needs that bridge.
 */
abstract class ApiObject {
    ApiObject() {}

    /**
     * Returns every field, in declaration order, with primitives boxed. A
     * field left out of the array is ignored by equals and hashCode.
     */
    abstract Object[] fieldValues();

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || other.getClass() != getClass()) {
            return false;
        }
        return Arrays.equals(fieldValues(), ((ApiObject) other).fieldValues());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fieldValues());
    }

    /** Returns {@code value} in single quotes for {@code toString}, or {@code null} unquoted. */
    static String quote(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
