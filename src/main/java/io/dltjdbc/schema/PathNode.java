package io.dltjdbc.schema;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One key path inside the rows of one table ({@code white} -> {@code white__rating}), with its normalized
 * names and the column it maps to cached, so that a record costs hash lookups and no string building.
 */
final class PathNode {
    /** how many keys of an object are remembered by place; wider objects look the rest up */
    private static final int MAX_PLACES = 256;
    final String rawKey;
    final PathNode parent;
    /** normalized key of this level ({@code normalize_path(key)}) */
    final String normalizedKey;
    /** unshortened {@code __}-joined path of normalized keys, the input of dlt's shorten_fragments */
    final String joined;
    /** column name (joined path, shortened) */
    final String columnName;
    /** set when another key path of the same table maps to the same column name */
    boolean mayCollide;
    /** the complete column of this name once it exists, and its position; complete columns never change */
    Column column;
    int position = -1;
    private final String[] variantNames = new String[DltType.values().length];
    private final Map<String, PathNode> children = new HashMap<>();
    /**
     * Children by the place their key had in the last object seen: a source's records mostly repeat their keys in
     * the same order, and a key compared to the one expected is cheaper than a lookup in {@link #children}.
     */
    private PathNode[] byPlace = new PathNode[0];
    /** whether the column of this name in {@link #checkedTable} at {@link #checkedRevision} is typed json */
    private Table checkedTable;
    private int checkedRevision;
    private boolean checkedJson;

    private PathNode(String rawKey, PathNode parent, String normalizedKey, String joined, String columnName) {
        this.rawKey = rawKey;
        this.parent = parent;
        this.normalizedKey = normalizedKey;
        this.joined = joined;
        this.columnName = columnName;
    }

    static PathNode root() {
        return new PathNode(null, null, "", "", "");
    }

    /** The child of {@code key}, the {@code place}-th key of its object. */
    PathNode child(String key, int place, NamingConvention naming, Map<String, PathNode> byColumnName) {
        if (place < byPlace.length) {
            PathNode node = byPlace[place];
            if (node != null && node.rawKey.equals(key)) {
                return node;
            }
        }
        PathNode node = child(key, naming, byColumnName);
        if (place < MAX_PLACES) {
            if (place >= byPlace.length) {
                byPlace = Arrays.copyOf(byPlace, Math.min(MAX_PLACES, Math.max(place + 1, byPlace.length * 2)));
            }
            byPlace[place] = node;
        }
        return node;
    }

    PathNode child(String key, NamingConvention naming, Map<String, PathNode> byColumnName) {
        PathNode node = children.get(key);
        if (node == null) {
            node = create(key, naming);
            children.put(key, node);
            PathNode other = byColumnName.putIfAbsent(node.columnName, node);
            if (other != null) {
                node.mayCollide = true;
                other.mayCollide = true;
            }
        }
        return node;
    }

    private PathNode create(String key, NamingConvention naming) {
        String normalized = key.isBlank() ? "_empty" : naming.normalizePath(key);
        if (normalized.isEmpty()) {
            normalized = "_empty"; // a key made only of separators ("__"): dlt would produce an empty name
        }
        if (parent == null && joined.isEmpty()) {
            return new PathNode(key, this, normalized, normalized, normalized);
        }
        String path = joined + NamingConvention.PATH_SEPARATOR + normalized;
        return new PathNode(key, this, normalized, path, naming.shorten(path));
    }

    /** Whether {@code table} (not null) has a json column of this node's name; cached per table revision. */
    boolean isJsonIn(Table table) {
        if (table != checkedTable || table.revision() != checkedRevision) {
            Column existing = table.column(columnName);
            checkedJson = existing != null && existing.type() == DltType.JSON;
            checkedTable = table;
            checkedRevision = table.revision();
        }
        return checkedJson;
    }

    /** Name of this column's variant for values of {@code type}: {@code <col>__v_<type>}. */
    String variantName(DltType type, NamingConvention naming) {
        String name = variantNames[type.ordinal()];
        if (name == null) {
            name = naming.shorten(columnName + NamingConvention.PATH_SEPARATOR + "v_" + type.dltName());
            variantNames[type.ordinal()] = name;
        }
        return name;
    }

    /** The raw key path, for collision warnings ({@code white.@id}). */
    String rawPath() {
        if (parent == null || parent.rawKey == null) {
            return rawKey;
        }
        return parent.rawPath() + "." + rawKey;
    }
}
