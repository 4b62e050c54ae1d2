package io.dltjdbc.schema;

import java.util.List;
import java.util.Objects;

/** The LOAD PIPELINE options the normalizer needs. Key names are raw; they are normalized inside. */
public record NormalizerOptions(WriteDisposition writeDisposition, List<String> primaryKey, List<String> mergeKey,
                                int maxTableNesting, SchemaContract schemaContract, ColumnHints columnHints,
                                MergeStrategy mergeStrategy) {
    public static final int DEFAULT_MAX_TABLE_NESTING = 1000;

    public NormalizerOptions {
        writeDisposition = Objects.requireNonNullElse(writeDisposition, WriteDisposition.APPEND);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        mergeKey = mergeKey == null ? List.of() : List.copyOf(mergeKey);
        schemaContract = Objects.requireNonNullElse(schemaContract, SchemaContract.EVOLVE);
        columnHints = Objects.requireNonNullElse(columnHints, ColumnHints.empty());
        mergeStrategy = Objects.requireNonNullElse(mergeStrategy, MergeStrategy.DELETE_INSERT);
        if (maxTableNesting < 0) {
            throw new IllegalArgumentException("max_table_nesting must be >= 0, got " + maxTableNesting);
        }
    }

    public static NormalizerOptions defaults() {
        return new NormalizerOptions(WriteDisposition.APPEND, List.of(), List.of(), DEFAULT_MAX_TABLE_NESTING,
            SchemaContract.EVOLVE, ColumnHints.empty(), MergeStrategy.DELETE_INSERT);
    }

    public NormalizerOptions withWriteDisposition(WriteDisposition value) {
        return new NormalizerOptions(value, primaryKey, mergeKey, maxTableNesting, schemaContract, columnHints,
            mergeStrategy);
    }

    public NormalizerOptions withPrimaryKey(List<String> value) {
        return new NormalizerOptions(writeDisposition, value, mergeKey, maxTableNesting, schemaContract, columnHints,
            mergeStrategy);
    }

    public NormalizerOptions withMaxTableNesting(int value) {
        return new NormalizerOptions(writeDisposition, primaryKey, mergeKey, value, schemaContract, columnHints,
            mergeStrategy);
    }

    public NormalizerOptions withSchemaContract(SchemaContract value) {
        return new NormalizerOptions(writeDisposition, primaryKey, mergeKey, maxTableNesting, value, columnHints,
            mergeStrategy);
    }

    public NormalizerOptions withColumnHints(ColumnHints value) {
        return new NormalizerOptions(writeDisposition, primaryKey, mergeKey, maxTableNesting, schemaContract, value,
            mergeStrategy);
    }

    public NormalizerOptions withMergeStrategy(MergeStrategy value) {
        return new NormalizerOptions(writeDisposition, primaryKey, mergeKey, maxTableNesting, schemaContract,
            columnHints, value);
    }

    public boolean usesKeyHash() {
        return writeDisposition.isMerge() && mergeStrategy.usesKeyHash();
    }
}
