package io.dltjdbc.sql;

import io.dltjdbc.sql.SourceSpec.BuiltinSource;
import io.dltjdbc.sql.SourceSpec.FileSource;
import io.dltjdbc.sql.SourceSpec.InlineJson;
import io.dltjdbc.sql.SourceSpec.QuerySource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement that dlt-jdbc runs itself, as parsed by {@link DltCommandParser}. Identifiers keep
 * the text as written (quotes removed); normalization is the pipeline's job.
 */
public sealed interface DltCommand {

    /** Number of {@code ?} markers, for {@code ParameterMetaData}. */
    default int parameterCount() {
        return 0;
    }

    /**
     * A copy with every {@code ?} replaced by its value ({@code values.get(i - 1)} for marker i).
     *
     * @throws SQLException 07001 when a value is missing, 22023 when it does not fit its slot
     */
    default DltCommand bind(List<Object> values) throws SQLException {
        return this;
    }

    /**
     * {@code [EXPLAIN] LOAD PIPELINE}.
     *
     * @param intoDataset null unless {@code INTO dataset.table}
     * @param intoTable   null without INTO
     * @param options     lower-cased option names in the order written; validated values
     * @param explain     true for EXPLAIN: plan, do not load
     */
    record LoadPipeline(String pipelineName, List<SourceSpec> sources, String intoDataset,
            String intoTable, Map<String, Object> options, boolean explain)
            implements DltCommand {

        /** Immutable copies; options may hold null values (option = null), so no Map.copyOf. */
        public LoadPipeline {
            sources = List.copyOf(sources);
            options = options == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        @Override
        public int parameterCount() {
            return sources.stream().mapToInt(SourceSpec::parameterCount).sum()
                    + Bindings.count(options);
        }

        @Override
        public DltCommand bind(List<Object> values) throws SQLException {
            if (parameterCount() == 0) {
                return this;
            }
            Bindings bindings = new Bindings(values);
            List<SourceSpec> bound = new ArrayList<>(sources.size());
            for (SourceSpec source : sources) {
                bound.add(bind(source, bindings));
            }
            return new LoadPipeline(pipelineName, Collections.unmodifiableList(bound),
                    intoDataset, intoTable, bindOptions(bindings), explain);
        }

        private static SourceSpec bind(SourceSpec source, Bindings bindings)
                throws SQLException {
            // Java 17: no pattern switch yet; the chain covers every permitted SourceSpec.
            if (source instanceof FileSource f) {
                return new FileSource(bindings.text(f.location(), f.locationParameter(),
                        "file location", false), f.format());
            }
            if (source instanceof InlineJson j) {
                return new InlineJson(bindings.text(j.json(), j.jsonParameter(), "JSON", false));
            }
            if (source instanceof QuerySource q) {
                return new QuerySource(bindings.text(q.sql(), q.sqlParameter(), "query", false),
                        bindings.text(q.onUrl(), q.onUrlParameter(), "JDBC URL", true));
            }
            BuiltinSource b = (BuiltinSource) source;
            return new BuiltinSource(b.name(), bindings.resolve(b.args()));
        }

        /** Bound option values get the same checks literal ones got while parsing. */
        private Map<String, Object> bindOptions(Bindings bindings) throws SQLException {
            Map<String, Object> bound = new LinkedHashMap<>();
            for (Map.Entry<String, Object> entry : options.entrySet()) {
                Object value = entry.getValue();
                if (value instanceof Parameter parameter) {
                    LoadOption option = LoadOption.find(entry.getKey()).orElseThrow();
                    value = option.check(bindings.resolve(parameter),
                            " in parameter " + parameter.index());
                } else {
                    value = bindings.resolve(value);
                }
                bound.put(entry.getKey(), value);
            }
            return Collections.unmodifiableMap(bound);
        }
    }

    /** {@code SHOW PIPELINES}. */
    record ShowPipelines() implements DltCommand {
    }

    /**
     * {@code SHOW LOADS [FOR pipeline] [RUNNING]}.
     *
     * @param pipeline null for every pipeline
     * @param running  only loads that have not finished
     */
    record ShowLoads(String pipeline, boolean running) implements DltCommand {
    }

    /** {@code SHOW PIPELINE name}. */
    record ShowPipeline(String pipeline) implements DltCommand {
    }

    /**
     * {@code SHOW REJECTED [FOR 'load_id']}.
     *
     * @param loadId null for every load (or until bound, when {@code loadIdParameter} is set)
     */
    record ShowRejected(String loadId, Parameter loadIdParameter) implements DltCommand {

        public ShowRejected(String loadId) {
            this(loadId, null);
        }

        @Override
        public int parameterCount() {
            return loadIdParameter == null ? 0 : 1;
        }

        @Override
        public DltCommand bind(List<Object> values) throws SQLException {
            if (loadIdParameter == null) {
                return this;
            }
            return new ShowRejected(new Bindings(values).text(null, loadIdParameter, "load id",
                    true));
        }
    }

    /** {@code DROP PIPELINE name [WITH TABLES]}. */
    record DropPipeline(String pipeline, boolean withTables) implements DltCommand {
    }
}
