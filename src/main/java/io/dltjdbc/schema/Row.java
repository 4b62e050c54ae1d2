package io.dltjdbc.schema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A normalized row as sinks receive it: the values at their columns' positions (null where the row has none)
 * and the table's column names, one array shared by the table's rows until its columns change. As a Map it
 * holds the non-null values in column order. It replaces a LinkedHashMap per row, whose entries and hashing
 * were a visible part of the normalizer's time, and it is immutable, so another thread may read it.
 */
public final class Row extends AbstractMap<String, Object> {
    private final String[] names;
    private final Object[] values;
    private final int size;

    /** {@code names} must not change afterwards and cover every position of {@code values}. */
    Row(String[] names, Object[] values) {
        if (names.length < values.length) {
            throw new IllegalArgumentException("a value without a column name");
        }
        this.names = names;
        this.values = values;
        int count = 0;
        for (Object value : values) {
            if (value != null) {
                count++;
            }
        }
        this.size = count;
    }

    /** Positions, null values included: iterate {@link #name(int)} and {@link #value(int)} without entry objects. */
    public int width() {
        return values.length;
    }

    public String name(int position) {
        return names[position];
    }

    /** The value at a column's position, or null. */
    public Object value(int position) {
        return values[position];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object get(Object key) {
        int position = positionOf(key);
        return position < 0 ? null : values[position];
    }

    @Override
    public boolean containsKey(Object key) {
        return positionOf(key) >= 0;
    }

    private int positionOf(Object key) {
        for (int p = 0; p < values.length; p++) {
            if (values[p] != null && names[p].equals(key)) {
                return p;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int p = from;
                        while (p < values.length && values[p] == null) {
                            p++;
                        }
                        return p;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Object> entry = new SimpleImmutableEntry<>(names[next], values[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }
        };
    }
}
