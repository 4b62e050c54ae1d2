package io.dltjdbc.schema;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the normalizer remembers about one table during a run: naming caches and contract filters. */
final class TableState {
    final String name;
    /** unshortened {@code __}-joined fragments of the table path, from which child table names are made */
    final String fragments;
    final TableState parent;
    /** UTF-8 of {@code "_{name}_"}, the middle of every child id of this table */
    final byte[] childIdInfix;
    final PathNode rootNode = PathNode.root();
    final Map<String, PathNode> nodesByColumn = new HashMap<>();
    private final Map<String, TableState> children = new HashMap<>();
    /** set when a contract discarded the whole table: its rows and their descendants are dropped */
    boolean discarded;
    /** why, for the rejected-rows record under on_error = 'skip_row' */
    String discardReason;
    /** columns a contract filtered out: discard_row or discard_value */
    final Map<String, SchemaContract> columnFilters = new LinkedHashMap<>();
    /** the normalizer's count of this table's rows */
    long[] rowCount;

    /*
     * Per-row lookups cached, each checked against a revision that changes with what it depends on (tables
     * added or removed, columns of the table changed, an undone item included), so a stale value is never used.
     */
    private Table table;
    private int tableRevision = -1;
    private Table namedTable;
    private int namesRevision = -1;
    private String[] columnNames;

    TableState(String name, String fragments, TableState parent) {
        this.name = name;
        this.fragments = fragments;
        this.parent = parent;
        this.childIdInfix = ("_" + name + "_").getBytes(StandardCharsets.UTF_8);
    }

    /** The schema's table of this name, or null. */
    Table table(Schema schema) {
        if (schema.tablesRevision() != tableRevision) {
            table = schema.table(name);
            tableRevision = schema.tablesRevision();
        }
        return table;
    }

    /**
     * The names of the table's columns by position. A new array when the columns changed, never an update in
     * place: emitted {@link Row}s keep the array they were made with.
     */
    String[] columnNames(Table current) {
        if (current != namedTable || current.revision() != namesRevision) {
            String[] names = new String[current.size()];
            for (int p = 0; p < names.length; p++) {
                names[p] = current.columnAt(p).name();
            }
            columnNames = names;
            namedTable = current;
            namesRevision = current.revision();
        }
        return columnNames;
    }

    boolean isRoot() {
        return parent == null;
    }

    TableState child(PathNode listNode, NamingConvention naming) {
        TableState child = children.get(listNode.joined);
        if (child == null) {
            String childFragments = fragments + NamingConvention.PATH_SEPARATOR + listNode.joined;
            child = new TableState(naming.shorten(childFragments), childFragments, this);
            children.put(listNode.joined, child);
        }
        return child;
    }
}
