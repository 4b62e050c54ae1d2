package io.dltjdbc.sql;

/**
 * What a statement is, decided from its first keywords only.
 *
 * @param kind    who runs it: the driver or the destination
 * @param sql     the statement text, unchanged (passthrough SQL goes to the destination as is)
 * @param isQuery hint that the statement returns a result set; a hint only, for passthrough SQL
 *                the destination's driver has the final word
 */
public record Classification(Kind kind, String sql, boolean isQuery) {

    public enum Kind {
        /** {@code LOAD PIPELINE ...}: runs in the driver. */
        LOAD_PIPELINE,
        /** {@code EXPLAIN LOAD PIPELINE ...}: a dry run in the driver. */
        EXPLAIN_LOAD_PIPELINE,
        /** {@code SHOW PIPELINES|LOADS|PIPELINE|REJECTED}, {@code DROP PIPELINE}: the driver. */
        PIPELINE_COMMAND,
        /** Everything else: the destination. */
        PASSTHROUGH
    }

    /** True when the driver itself must run the statement (parse it with DltCommandParser). */
    public boolean isDltCommand() {
        return kind != Kind.PASSTHROUGH;
    }
}
