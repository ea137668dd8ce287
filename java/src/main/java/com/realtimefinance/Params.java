package com.realtimefinance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The request parameters of one API call, as an immutable map from API field
 * names to values. Two parameter objects are equal when they are of the same
 * class and contain the same fields.
 *
 * <p>The public methods here are not final so that javac adds a public bridge
 * for each to every public subclass. Without it, reflection from another
 * package finds the method on this package-private class and throws
 * {@code IllegalAccessException}.
 */
abstract class Params {
    private final Map<String, Object> fields;

    Params(Builder<?> builder) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(builder.fields));
    }

    /** Returns the fields that were set, keyed by their API names, as sent to the core. */
    final Map<String, Object> fields() {
        return fields;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && fields.equals(((Params) other).fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + fields;
    }

    /**
     * Collects the fields of a {@link Params} subclass. Setting a field twice
     * keeps the last value, and setting it to null clears it. Not thread-safe.
     *
     * @param <B> the concrete builder, which every setter returns so that
     *     calls chain without casts
     */
    abstract static class Builder<B extends Builder<B>> {
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final B self;

        /**
         * Creates an empty builder.
         *
         * @param type the concrete builder class. The constructor throws
         *     {@code ClassCastException} when this builder is not an instance of it.
         */
        Builder(Class<B> type) {
            this.self = type.cast(this);
        }

        /** Sets a field, or clears it when {@code value} is null, and returns this builder. */
        final B set(String key, Object value) {
            if (value == null) {
                fields.remove(key);
            } else {
                fields.put(key, value);
            }
            return self;
        }

        /**
         * Sets a field by its API name, such as one that this SDK version has
         * no setter for, or clears it when {@code value} is null. The value may
         * be a String, an integer, a Boolean, a List or a Map. The core rejects
         * a name that the API does not know with an
         * {@link InvalidRequestException} naming it.
         */
        public B putExtraParam(String name, Object value) {
            return set(Objects.requireNonNull(name, "name"), value);
        }
    }
}
