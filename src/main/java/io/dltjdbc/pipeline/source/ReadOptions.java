package io.dltjdbc.pipeline.source;

import java.time.Duration;

/**
 * Network settings of URL sources. {@code connectTimeout} only applies to the HttpClient that
 * {@link SourceReaders} builds itself (a caller's client keeps its own); {@code requestTimeout}
 * bounds the wait for the response headers of each request.
 */
public record ReadOptions(Duration connectTimeout, Duration requestTimeout) {
    public static final ReadOptions DEFAULT = new ReadOptions(Duration.ofSeconds(15), Duration.ofSeconds(60));
}
