package io.dltjdbc.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A dlt schema: named, versioned, an ordered set of tables. Mutated by the {@link Normalizer}; serialized to
 * the {@code _dlt_version} table with {@link #toJson()}.
 */
public final class Schema {
    /** dlt's schema engine version at the time the semantics were read. */
    public static final int ENGINE_VERSION = 11;

    private final String name;
    private int version;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    /** counts tables added and removed, so that the normalizer may cache its lookups */
    private int tablesRevision;

    public Schema(String name) {
        this(name, 1);
    }

    Schema(String name, int version) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = version;
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    void bumpVersion() {
        version++;
    }

    /** Takes a version bump back (a rejected item's change). */
    void restoreVersion(int earlier) {
        version = earlier;
    }

    /** base64 of SHA3-256 over the schema content without its version, like dlt's version_hash. */
    public String versionHash() {
        return SchemaJson.contentHash(this);
    }

    public List<Table> tables() {
        return List.copyOf(tables.values());
    }

    public Table table(String tableName) {
        return tables.get(tableName);
    }

    /** Root tables (no parent), in order. */
    public List<Table> rootTables() {
        List<Table> roots = new ArrayList<>();
        for (Table t : tables.values()) {
            if (t.isRoot()) {
                roots.add(t);
            }
        }
        return roots;
    }

    /** Direct children of a table, in order. */
    public List<Table> children(String tableName) {
        List<Table> children = new ArrayList<>();
        for (Table t : tables.values()) {
            if (tableName.equals(t.parent())) {
                children.add(t);
            }
        }
        return Collections.unmodifiableList(children);
    }

    /** The table followed by all its descendants, parents before children. */
    public List<Table> tableChain(String tableName) {
        List<Table> chain = new ArrayList<>();
        Table start = tables.get(tableName);
        if (start != null) {
            chain.add(start);
            for (int i = 0; i < chain.size(); i++) {
                chain.addAll(children(chain.get(i).name()));
            }
        }
        return chain;
    }

    /** The root of the chain a table belongs to. */
    public Table rootOf(String tableName) {
        Table t = tables.get(tableName);
        while (t != null && t.parent() != null) {
            t = tables.get(t.parent());
        }
        return t;
    }

    void addTable(Table table) {
        if (tables.putIfAbsent(table.name(), table) != null) {
            throw new IllegalStateException("table already exists: " + table.name());
        }
        tablesRevision++;
    }

    /** Changes whenever a table is added or removed. */
    int tablesRevision() {
        return tablesRevision;
    }

    /**
     * This schema with what {@code concurrent} has and it lacks: tables, then columns (appended, so positions
     * stay), as the version after both. Two loads that evolved the same stored schema at the same time each
     * know only their own additions; the one that stores last keeps both.
     */
    public Schema mergedWith(Schema concurrent) {
        Schema merged = copy();
        for (Table theirs : concurrent.tables.values()) {
            Table ours = merged.tables.get(theirs.name());
            if (ours == null) {
                merged.tables.put(theirs.name(), theirs.copy());
                continue;
            }
            for (Column column : theirs.allColumns()) {
                Column existing = ours.column(column.name());
                if (existing == null || !existing.isComplete() && column.isComplete()) {
                    ours.putColumn(column);
                }
            }
        }
        merged.version = Math.max(version, concurrent.version) + 1;
        return merged;
    }

    /** Takes back a table added by a rejected item. */
    void removeTable(String tableName) {
        tables.remove(tableName);
        tablesRevision++;
    }

    public String toJson() {
        return SchemaJson.write(this);
    }

    public static Schema fromJson(String json) {
        return SchemaJson.read(json);
    }

    public Schema copy() {
        Schema copy = new Schema(name, version);
        for (Table t : tables.values()) {
            copy.tables.put(t.name(), t.copy());
        }
        return copy;
    }

    @Override
    public String toString() {
        return name + " v" + version + " " + tables.values();
    }
}
