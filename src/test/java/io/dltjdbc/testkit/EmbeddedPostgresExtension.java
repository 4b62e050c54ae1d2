package io.dltjdbc.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving tests the JVM's one {@link EmbeddedPostgresServer} (started lazily on first
 * use; stopped when the root extension store closes at the end of the run, or by the shutdown hook).
 * Use {@code @ExtendWith(EmbeddedPostgresExtension.class)} and take an {@code EmbeddedPostgresServer}
 * parameter.
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedPostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    private static EmbeddedPostgresServer server(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> new Stopper(), Stopper.class);
        return EmbeddedPostgresServer.get();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedPostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    /** Closed by JUnit when the root context closes: stops the server after the last test class. */
    private static final class Stopper implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            EmbeddedPostgresServer.stopIfStarted();
        }
    }
}
