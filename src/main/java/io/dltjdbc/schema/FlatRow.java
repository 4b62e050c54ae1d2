package io.dltjdbc.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A flattened row in dlt's order: names with values, plus the lists found in it (future child rows).
 * A key written twice keeps its first position and its last value, like a Python dict.
 */
final class FlatRow {
    String[] names = new String[32];
    Object[] values = new Object[32];
    PathNode[] nodes = new PathNode[32];
    int size;
    /** the row's values at their columns' positions once typed; a new array per row, handed on with it */
    Object[] typed;
    /** whether a data key maps to a dlt column name: only then do dlt columns check for an existing entry */
    private boolean hasDltKey;
    final List<PathNode> listNodes = new ArrayList<>(4);
    final List<List<?>> lists = new ArrayList<>(4);

    /** Empties the row for reuse: the normalizer keeps one per nesting depth instead of one per row. */
    FlatRow reset() {
        size = 0;
        typed = null;
        hasDltKey = false;
        listNodes.clear();
        lists.clear();
        return this;
    }

    /** Adds a value; returns the node it replaced when two key paths collide, else null. */
    PathNode put(String name, Object value, PathNode node) {
        if (node != null && name.startsWith("_dlt")) {
            hasDltKey = true;
        }
        if (node == null ? hasDltKey : node.mayCollide) {
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    PathNode previous = nodes[i];
                    values[i] = value;
                    nodes[i] = node;
                    return previous == null ? node : previous;
                }
            }
        }
        if (size == names.length) {
            grow();
        }
        names[size] = name;
        values[size] = value;
        nodes[size] = node;
        size++;
        return null;
    }

    /** A dlt column's value ({@code _dlt_id}); cheap when no data key maps to a dlt column. */
    Object dltValue(String name) {
        return hasDltKey ? get(name) : null;
    }

    Object get(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    void putList(PathNode node, List<?> list) {
        // two keys that normalize alike feed the same child table: the last list wins, like a Python dict
        for (int i = 0; i < listNodes.size(); i++) {
            if (listNodes.get(i).joined.equals(node.joined)) {
                listNodes.set(i, node);
                lists.set(i, list);
                return;
            }
        }
        listNodes.add(node);
        lists.add(list);
    }

    private void grow() {
        int capacity = names.length * 2;
        names = java.util.Arrays.copyOf(names, capacity);
        values = java.util.Arrays.copyOf(values, capacity);
        nodes = java.util.Arrays.copyOf(nodes, capacity);
    }
}
