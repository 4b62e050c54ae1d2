package io.dltjdbc.destination.bigquery;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Application Default Credentials, looked up at the first request rather than at connect: finding them
 * may probe the metadata server over the network, which a connect (or a test) must not do.
 */
final class LazyDefaultCredentials extends Credentials {
    private volatile GoogleCredentials delegate;

    private GoogleCredentials delegate() throws IOException {
        GoogleCredentials found = delegate;
        if (found == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = GoogleCredentials.getApplicationDefault().createScoped(List.of(BigQueryDestinationFactory.SCOPE));
                }
                found = delegate;
            }
        }
        return found;
    }

    @Override
    public String getAuthenticationType() {
        return "OAuth2";
    }

    @Override
    public Map<String, List<String>> getRequestMetadata(URI uri) throws IOException {
        return delegate().getRequestMetadata(uri);
    }

    @Override
    public boolean hasRequestMetadata() {
        return true;
    }

    @Override
    public boolean hasRequestMetadataOnly() {
        return true;
    }

    @Override
    public void refresh() throws IOException {
        delegate().refresh();
    }
}
