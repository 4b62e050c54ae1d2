package io.dltjdbc.schema;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * dlt's relational normalizer plus the jsonl item normalizer's typing (DLT-SEMANTICS §2-3): turns one source
 * item into rows of a root table and its child tables, evolving the {@link Schema} as it goes. The schema is
 * updated before the first row that needs a new table or column reaches the sink.
 *
 * <p>Not thread-safe: one instance per load of one root table.
 */
public final class Normalizer {
    static final String C_DLT_ID = "_dlt_id";
    static final String C_DLT_LOAD_ID = "_dlt_load_id";
    static final String C_DLT_ROOT_ID = "_dlt_root_id";
    static final String C_DLT_PARENT_ID = "_dlt_parent_id";
    static final String C_DLT_LIST_IDX = "_dlt_list_idx";
    static final String C_VALUE = "value";
    static final String C_LIST = "list";
    private static final Set<String> NOT_NULL_DLT_COLUMNS =
        Set.of(C_DLT_ID, C_DLT_LOAD_ID, C_DLT_ROOT_ID, C_DLT_PARENT_ID, C_DLT_LIST_IDX);

    private final Schema schema;
    private final NormalizerOptions options;
    private final NamingConvention naming;
    private final String loadId;
    private final TableState root;
    private final List<String> primaryKey = new ArrayList<>();
    private final DltIds ids = new DltIds(new SecureRandom().nextLong());
    private final List<String> warnings = new ArrayList<>();
    private final Set<String> warned = new HashSet<>();
    private final List<SchemaChange> changes = new ArrayList<>();
    private final Map<String, long[]> rowCounts = new LinkedHashMap<>();
    private boolean changed;
    private boolean rootPrepared;
    /** dlt lets columns evolve during the load that creates a table, whatever the contract ("evolve once") */
    private boolean rootIsNewInThisRun;

    private final List<FlatRow> flatRows = new ArrayList<>();
    private int depth;
    /** typeRow's per-value scratch, reused from row to row (typeRow never runs nested) */
    private String[] typedNames = new String[32];
    private Object[] typedValues = new Object[32];
    private int[] typedPositions = new int[32];
    /** set while {@link #normalizeAtomically} runs: the item's rows and how to take its changes back */
    private ItemJournal journal;

    /** Rows of an item a schema contract dropped ({@code discard_row}, or a new table under a discard contract). */
    public record Discard(String table, String reason) {
    }

    public Normalizer(Schema schema, String rootTableName, NormalizerOptions options, NamingConvention naming,
                      String loadId) {
        this.schema = schema;
        this.options = options == null ? NormalizerOptions.defaults() : options;
        this.naming = naming;
        this.loadId = loadId;
        String rootName = naming.normalizePath(rootTableName);
        if (rootName.isEmpty()) {
            throw new IllegalArgumentException("table name '" + rootTableName + "' is empty after normalization");
        }
        this.root = new TableState(rootName, rootName, null);
        for (String key : this.options.primaryKey()) {
            primaryKey.add(naming.normalizePath(key));
        }
    }

    /** An item as compact JSON, as a rejected row records it. */
    public static String asJson(Object item) {
        return Values.toJson(item, false);
    }

    public String rootTable() {
        return root.name;
    }

    public List<String> warnings() {
        return Collections.unmodifiableList(warnings);
    }

    public boolean schemaChanged() {
        return changed;
    }

    /** Tables and columns this run added, in the order they were added. */
    public List<SchemaChange> schemaChanges() {
        return Collections.unmodifiableList(changes);
    }

    public long rowsEmitted(String table) {
        long[] count = rowCounts.get(table);
        return count == null ? 0 : count[0];
    }

    /** Row counts per table, in the order the tables first received a row. */
    public Map<String, Long> rowCounts() {
        Map<String, Long> result = new LinkedHashMap<>();
        rowCounts.forEach((table, count) -> result.put(table, count[0]));
        return result;
    }

    /** Normalizes one source item; rows go to {@code sink}, parent rows before their children. */
    public void normalize(Object item, RowSink sink) throws SchemaContractException, Exception {
        prepareOnce();
        process(item, sink);
    }

    /**
     * Normalizes one item all or nothing ({@code on_error = 'skip_row'}): its rows reach {@code sink} only once
     * the whole item normalized, and when it fails every table, column and version bump it made is taken back
     * before the exception propagates, so a rejected item leaves no trace in the schema.
     *
     * @return why a schema contract dropped rows of the item, or null when none were dropped
     */
    public Discard normalizeAtomically(Object item, RowSink sink) throws Exception {
        prepareOnce();
        ItemJournal itemJournal = new ItemJournal(changes.size(), changed, schema.version());
        journal = itemJournal;
        try {
            process(item, itemJournal);
        } catch (Exception e) {
            itemJournal.undo();
            changes.subList(itemJournal.changeCount, changes.size()).clear();
            changed = itemJournal.changed;
            schema.restoreVersion(itemJournal.schemaVersion);
            throw e;
        } finally {
            journal = null;
        }
        for (String table : itemJournal.flushTo(sink)) {
            rowCounts.computeIfAbsent(table, k -> new long[1])[0]++;
        }
        return itemJournal.discard;
    }

    private void prepareOnce() {
        if (!rootPrepared) {
            prepareRootTable();
            rootPrepared = true;
        }
    }

    @SuppressWarnings("unchecked")
    private void process(Object item, RowSink sink) throws Exception {
        Map<String, Object> row = item instanceof Map<?, ?> map
            ? (Map<String, Object>) map : Collections.singletonMap(C_VALUE, item);
        processRow(root, row, null, null, -1, options.maxTableNesting(), true, sink);
    }

    /**
     * Creates (or updates) the root table with the load's hints before any value is typed: a hinted type must
     * win over the first value ({@code end_time timestamp} receiving epoch seconds), and hinted columns come
     * first in the table, as in dlt where the resource's hints are applied at extract time.
     */
    private void prepareRootTable() {
        Table table = schema.table(root.name);
        String disposition = options.writeDisposition().dltName();
        if (table == null) {
            table = new Table(root.name, null, disposition);
            schema.addTable(table);
            recordChange(new SchemaChange(SchemaChange.Action.CREATE_TABLE, root.name, null));
        } else if (!disposition.equals(table.writeDisposition())) {
            table.setWriteDisposition(disposition);
            markChanged();
        }
        rootIsNewInThisRun = table.hasNoCompleteColumns();
        for (ColumnHints.Hint hint : options.columnHints().hints()) {
            String name = naming.normalizePath(hint.name());
            Column existing = table.column(name);
            if (existing != null && existing.isComplete()) {
                if (hint.type() != null && hint.type() != existing.type()) {
                    warn("hint-" + name, "column hint '" + hint.name() + " " + hint.type().dltName()
                        + "' ignored: column '" + name + "' of table '" + root.name + "' already has type "
                        + existing.type().dltName());
                }
                // flags given on a later load (partition, cluster, unique, ...) are kept: the type stays, the
                // changed schema goes to _dlt_version, and the destination applies what it can
                Column hinted = existing.withHints(hint.flags());
                if (!hinted.equals(existing)) {
                    table.putColumn(hinted);
                    markChanged();
                }
                continue;
            }
            boolean pk = hint.primaryKey() || primaryKey.contains(name);
            boolean nullable = !pk && (hint.nullable() == null || hint.nullable());
            addColumn(table, new Column(name, hint.type(), nullable, pk, hint.mergeKey(), hint.precision(),
                hint.scale(), null, hint.flags()));
        }
        for (String name : primaryKey) {
            Column existing = table.column(name);
            if (existing == null) {
                addColumn(table, new Column(name, null, false, true, false, null, null, null, null));
            } else if (!existing.primaryKey()) {
                addColumn(table, existing.withPrimaryKey(true));
            }
        }
        for (String key : options.mergeKey()) {
            String name = naming.normalizePath(key);
            Column existing = table.column(name);
            if (existing == null) {
                addColumn(table, new Column(name, null, true, false, true, null, null, null, null));
            } else if (!existing.mergeKey()) {
                addColumn(table, existing.withMergeKey(true));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void processRow(TableState state, Map<String, Object> item, String rootId, String parentId, int position,
                            int level, boolean isRoot, RowSink sink) throws Exception {
        if (state.discarded) {
            discarded(state);
            return;
        }
        FlatRow flat = flatRow(depth++);
        try {
            processFlat(state, item, rootId, parentId, position, level, isRoot, sink, flat);
        } finally {
            depth--;
        }
    }

    /** One reusable row per recursion depth: a parent's row stays intact while its children use deeper ones. */
    private FlatRow flatRow(int atDepth) {
        while (flatRows.size() <= atDepth) {
            flatRows.add(new FlatRow());
        }
        return flatRows.get(atDepth).reset();
    }

    @SuppressWarnings("unchecked")
    private void processFlat(TableState state, Map<String, Object> item, String rootId, String parentId, int position,
                             int level, boolean isRoot, RowSink sink, FlatRow flat) throws Exception {
        flatten(state, item, level, flat);
        String rowId = finishRow(state, flat, rootId, parentId, position, isRoot, item, sink);
        if (rowId == null || flat.listNodes.isEmpty()) {
            return;
        }
        // under merge every descendant carries the root row's id in _dlt_root_id
        String childRootId = rootId != null ? rootId : (isRoot && options.writeDisposition().isMerge() ? rowId : null);
        for (int l = 0; l < flat.listNodes.size(); l++) {
            TableState child = state.child(flat.listNodes.get(l), naming);
            List<?> list = flat.lists.get(l);
            int childLevel = level - 1;
            for (int idx = 0; idx < list.size(); idx++) {
                Object element = list.get(idx);
                boolean scalar = isPlainScalar(element);
                if (!scalar && element instanceof Map<?, ?> map) {
                    processRow(child, (Map<String, Object>) map, childRootId, rowId, idx, childLevel, false, sink);
                } else if (!scalar && element instanceof List<?> inner) {
                    // a list in a list: an intermediate row {"list": inner}, one level deeper
                    processRow(child, Collections.singletonMap(C_LIST, inner), childRootId, rowId, idx,
                        childLevel - 1, false, sink);
                } else if (child.discarded) {
                    discarded(child);
                } else {
                    FlatRow wrapped = flatRow(depth);
                    wrapped.put(C_VALUE, element, child.rootNode.child(C_VALUE, 0, naming, child.nodesByColumn));
                    finishRow(child, wrapped, childRootId, rowId, idx, false, null, sink);
                }
            }
        }
    }

    /** dlt's LIFO flattening: a level's scalars first, then its nested objects, last object first. */
    @SuppressWarnings("unchecked")
    private void flatten(TableState state, Map<String, Object> item, int level, FlatRow flat) {
        List<Object[]> stack = null;
        Map<String, Object> current = item;
        int currentLevel = level;
        PathNode currentNode = state.rootNode;
        while (true) {
            int place = 0;
            for (Map.Entry<String, Object> entry : current.entrySet()) {
                Object value = entry.getValue();
                PathNode node = currentNode.child(String.valueOf(entry.getKey()), place++, naming, state.nodesByColumn);
                if (isPlainScalar(value)) {
                    // most values: skip the checks below, which scan the value's interfaces (x0.78 of the time)
                } else if (value instanceof Map<?, ?> nested) {
                    if (!keepsWhole(state, node, currentLevel)) {
                        if (stack == null) {
                            stack = new ArrayList<>(4);
                        }
                        stack.add(new Object[] {nested, currentLevel - 1, node});
                        continue;
                    }
                } else if (value instanceof List<?> list) {
                    if (!keepsWhole(state, node, currentLevel)) {
                        flat.putList(node, list);
                        continue;
                    }
                }
                PathNode previous = flat.put(node.columnName, value, node);
                if (previous != null && previous != node) {
                    warn(state.name + "." + node.columnName, "keys '" + previous.rawPath() + "' and '" + node.rawPath()
                        + "' both map to column '" + node.columnName + "' of table '" + state.name
                        + "'; the last value wins");
                }
            }
            if (stack == null || stack.isEmpty()) {
                return;
            }
            Object[] frame = stack.remove(stack.size() - 1);
            current = (Map<String, Object>) frame[0];
            currentLevel = (Integer) frame[1];
            currentNode = (PathNode) frame[2];
        }
    }

    /** Exact classes of the parsers' scalars: one compare each, where {@code instanceof Map} walks interfaces. */
    private static boolean isPlainScalar(Object value) {
        return value == null || value instanceof String || value instanceof Long || value instanceof Double
            || value instanceof Boolean || value instanceof Integer;
    }

    /** Below max_table_nesting, or for a column already typed json, nested data stays one json value. */
    private boolean keepsWhole(TableState state, PathNode node, int level) {
        if (level <= 0) {
            return true;
        }
        Column column = node.column;
        if (column != null) {
            return column.type() == DltType.JSON;
        }
        Table table = state.table(schema);
        return table != null && node.isJsonIn(table);
    }

    /** Adds the dlt columns, types and stores the row; returns its _dlt_id, or null when it was dropped. */
    private String finishRow(TableState state, FlatRow flat, String rootId, String parentId, int position,
                             boolean isRoot, Map<String, Object> item, RowSink sink) throws Exception {
        if (rootId != null) {
            flat.put(C_DLT_ROOT_ID, rootId, null);
        }
        if (isRoot) {
            flat.put(C_DLT_LOAD_ID, loadId, null);
            if (options.writeDisposition().isMerge()) {
                checkPrimaryKey(state, flat, item);
            }
        }
        Object existingId = flat.dltValue(C_DLT_ID);
        String rowId;
        if (isTruthy(existingId)) {
            rowId = String.valueOf(existingId); // a _dlt_id in the data is kept (and no parent link is added)
        } else if (!isRoot) {
            rowId = ids.childId(parentId, state.childIdInfix, position);
            flat.put(C_DLT_PARENT_ID, parentId, null);
            flat.put(C_DLT_LIST_IDX, (long) position, null);
            flat.put(C_DLT_ID, rowId, null);
        } else {
            rowId = options.usesKeyHash() ? keyHash(flat) : ids.randomId();
            flat.put(C_DLT_ID, rowId, null);
        }
        Table table = typeRow(state, flat);
        if (table == null) {
            return null;
        }
        // typeRow left each value at the position of its column: the row lists them in table order
        Row row = new Row(state.columnNames(table), flat.typed);
        if (journal == null) { // atomically: counted when the item commits
            if (state.rowCount == null) {
                state.rowCount = rowCounts.computeIfAbsent(state.name, k -> new long[1]);
            }
            state.rowCount[0]++;
        }
        sink.accept(state.name, row);
        return rowId;
    }

    private static boolean isTruthy(Object v) {
        return v != null && !"".equals(v) && !Boolean.FALSE.equals(v)
            && !(v instanceof Number n && n.doubleValue() == 0);
    }

    private void checkPrimaryKey(TableState state, FlatRow flat, Map<String, Object> item)
        throws MissingPrimaryKeyException {
        for (String key : primaryKey) {
            if (flat.get(key) == null) {
                throw new MissingPrimaryKeyException(state.name, key, Values.preview(item));
            }
        }
    }

    /** upsert/insert-only: base64 of SHAKE-128 over the sorted-keys compact JSON of the key values. */
    private String keyHash(FlatRow flat) {
        Map<String, Object> key = new LinkedHashMap<>();
        for (String name : primaryKey) {
            key.put(name, flat.get(name));
        }
        return DltIds.digest(Values.toJson(key, true));
    }

    /**
     * Coerces every value into its column (or a variant column), evolves the schema under the contract, and
     * sets {@code flat.typed} to the row's values at their columns' positions. Returns null when a contract
     * drops the row.
     */
    private Table typeRow(TableState state, FlatRow flat) throws SchemaContractException {
        Table table = state.table(schema);
        int n = flat.size;
        if (typedNames.length < n) {
            typedNames = new String[flat.names.length];
            typedValues = new Object[flat.names.length];
            typedPositions = new int[flat.names.length];
        }
        String[] names = typedNames;
        Object[] values = typedValues;
        int[] positions = typedPositions;
        List<Column> pending = null;
        for (int i = 0; i < n; i++) {
            Object v = flat.values[i];
            if (v == null) {
                names[i] = null;
                continue; // nulls make no column: the type comes with the first real value
            }
            String name = flat.names[i];
            PathNode node = flat.nodes[i];
            Column column;
            int position;
            if (node != null && node.column != null) {
                column = node.column;
                position = node.position;
            } else {
                position = table == null ? -1 : table.position(name);
                column = position < 0 ? null : table.columnAt(position);
                if (node != null && column != null && column.isComplete()) {
                    node.column = column;
                    node.position = position;
                    if (journal != null) {
                        journal.onUndo(() -> {
                            node.column = null;
                            node.position = -1;
                        });
                    }
                }
            }
            DltType from = Values.typeOf(v);
            if (column != null && column.isComplete()) {
                Object coerced = Coercion.coerce(column.type(), from, v);
                if (coerced == Coercion.FAILED) {
                    // does not fit: the value goes to the variant column <col>__v_<type>
                    name = node != null ? node.variantName(from, naming)
                        : naming.shorten(name + NamingConvention.PATH_SEPARATOR + "v_" + from.dltName());
                    Column variant = table.column(name);
                    if (variant == null || !variant.isComplete()) {
                        variant = findPending(pending, name);
                    }
                    if (variant != null) {
                        coerced = Coercion.coerce(variant.type(), from, v);
                        if (coerced == Coercion.FAILED) {
                            throw new CannotCoerceException(state.name, name, variant.type(), v);
                        }
                        position = variant.isComplete() && table.column(name) == variant ? table.position(name) : -1;
                    } else {
                        DltType type = Coercion.inferType(v);
                        coerced = Coercion.coerce(type, from, v);
                        if (coerced == Coercion.FAILED) {
                            throw new CannotCoerceException(state.name, name, type, v);
                        }
                        pending = addPending(pending, new Column(name, type, true, false, false, null, null,
                            column.name(), null));
                        position = -1;
                    }
                }
                names[i] = name;
                values[i] = coerced;
                positions[i] = position;
            } else {
                DltType type = Coercion.inferType(v);
                Object coerced = Coercion.coerce(type, from, v);
                if (coerced == Coercion.FAILED) {
                    throw new CannotCoerceException(state.name, name, type, v);
                }
                Column created = column != null ? column.withType(type)
                    : new Column(name, type, !NOT_NULL_DLT_COLUMNS.contains(name), false, false, null, null, null,
                        null);
                pending = addPending(pending, created);
                names[i] = name;
                values[i] = coerced;
                positions[i] = -1;
            }
        }
        if (pending != null || table == null) {
            if (!contractAllows(state, table, pending)) {
                return null;
            }
            table = applyChanges(state, table, pending);
        }
        Object[] slots = new Object[table.size()];
        boolean filtered = !state.columnFilters.isEmpty();
        for (int i = 0; i < n; i++) {
            String name = names[i];
            if (name == null) {
                continue;
            }
            if (filtered) {
                SchemaContract mode = state.columnFilters.get(name);
                if (mode == SchemaContract.DISCARD_ROW) {
                    if (journal != null) {
                        journal.discarded(state.name, "row discarded: column '" + name + "' is not in table '" + state.name
                            + "' and schema_contract is discard_row");
                    }
                    return null;
                } else if (mode != null) {
                    continue; // discard_value
                }
            }
            int position = positions[i] >= 0 ? positions[i] : table.position(name);
            slots[position] = values[i];
        }
        flat.typed = slots;
        return table;
    }

    private static Column findPending(List<Column> pending, String name) {
        if (pending != null) {
            for (Column c : pending) {
                if (c.name().equals(name)) {
                    return c;
                }
            }
        }
        return null;
    }

    private static List<Column> addPending(List<Column> pending, Column column) {
        List<Column> list = pending == null ? new ArrayList<>(4) : pending;
        if (findPending(list, column.name()) == null) {
            list.add(column);
        }
        return list;
    }

    /**
     * dlt's apply_schema_contract with one mode for tables, columns and data types. The root table of the load
     * is always allowed (it is declared by the statement, like a dlt resource's table), and a table that is new
     * in this load takes new columns freely ("evolve columns once"). New child tables, new columns of known
     * tables and variant columns obey the contract.
     */
    private boolean contractAllows(TableState state, Table table, List<Column> pending) throws SchemaContractException {
        SchemaContract mode = options.schemaContract();
        if (mode == SchemaContract.EVOLVE) {
            return true;
        }
        boolean newTable = table == null || table.hasNoCompleteColumns();
        if (newTable && !state.isRoot()) {
            if (mode == SchemaContract.FREEZE) {
                throw new SchemaContractException("cannot create table '" + state.name
                    + "': schema_contract is freeze and tables are frozen", state.name, null, mode);
            }
            state.discarded = true;
            state.discardReason = "row discarded: table '" + state.name + "' is new and schema_contract is "
                + mode.name().toLowerCase(java.util.Locale.ROOT);
            discarded(state);
            return false;
        }
        boolean columnsEvolve = newTable || state.isRoot() && rootIsNewInThisRun;
        if (pending != null) {
            for (int i = pending.size() - 1; i >= 0; i--) {
                Column c = pending.get(i);
                boolean variant = c.variantOf() != null;
                if (c.name().startsWith("_dlt") || !variant && columnsEvolve) {
                    continue;
                }
                if (mode == SchemaContract.FREEZE) {
                    throw new SchemaContractException((variant
                        ? "cannot add variant column '" + c.name() + "' (a " + c.type().dltName() + " value for column '"
                          + c.variantOf() + "')" : "cannot add column '" + c.name() + "'")
                        + " to table '" + state.name + "': schema_contract is freeze", state.name, c.name(), mode);
                }
                state.columnFilters.put(c.name(), mode);
                pending.remove(i);
            }
        }
        return true;
    }

    private void discarded(TableState state) {
        if (journal != null) {
            journal.discarded(state.name, state.discardReason);
        }
    }

    private Table applyChanges(TableState state, Table table, List<Column> pending) {
        if (table == null) {
            table = new Table(state.name, state.parent == null ? null : state.parent.name,
                state.isRoot() ? options.writeDisposition().dltName() : null);
            schema.addTable(table);
            if (journal != null) {
                String added = table.name();
                journal.onUndo(() -> schema.removeTable(added));
            }
            recordChange(new SchemaChange(SchemaChange.Action.CREATE_TABLE, state.name, null));
        }
        if (pending != null) {
            for (Column c : pending) {
                addColumn(table, c);
            }
        }
        return table;
    }

    private void addColumn(Table table, Column column) {
        Column previous = table.column(column.name());
        table.putColumn(column);
        if (journal != null) {
            journal.onUndo(() -> table.undoPut(column.name(), previous));
        }
        if (column.isComplete()) {
            recordChange(new SchemaChange(column.variantOf() != null ? SchemaChange.Action.ADD_VARIANT_COLUMN
                : SchemaChange.Action.ADD_COLUMN, table.name(), column));
        } else {
            markChanged();
        }
    }

    private void recordChange(SchemaChange change) {
        changes.add(change);
        markChanged();
    }

    /** The version goes up once per load, at the first change. */
    private void markChanged() {
        if (!changed) {
            changed = true;
            schema.bumpVersion();
        }
    }

    private void warn(String key, String message) {
        if (warned.add(key)) {
            warnings.add(message);
        }
    }
}
