package io.dltjdbc;

/**
 * A snapshot of one running {@code LOAD PIPELINE}, as {@code SHOW LOADS RUNNING} lists it and
 * {@link LoadListener}s receive it.
 *
 * @param tableName the root table being extracted (in the load stage: every root table of the load)
 * @param rows items read from the sources so far
 * @param bytesRead raw source bytes consumed so far (0 where the source has no byte count, e.g. a query)
 */
public record LoadProgress(String loadId, String pipelineName, String datasetName, String tableName, long rows,
        double rowsPerSecond, long bytesRead, double elapsedSeconds, Stage stage) {

    /** Where a load is: reading and normalizing the sources, closing the load package, or writing to the destination. */
    public enum Stage {
        EXTRACT, NORMALIZE, LOAD;

        /** The name SHOW LOADS RUNNING shows: {@code extract}, {@code normalize}, {@code load}. */
        public String dltName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
