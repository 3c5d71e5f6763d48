package fullcourt.infra.warehouse;

import com.google.auth.Credentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;

/** The BigQuery client every Fullcourt component builds the same way (the engine's adapter, the raw loader). */
public final class BigQueryClients {

    private BigQueryClients() {
    }

    /**
     * A client of {@code projectId}. The client would otherwise retry 5xx itself (up to 6 attempts per call), inside
     * each of the caller's attempts: one request per client call keeps the caller's backoff policy the only retry
     * policy, so "5 attempts" means 5 requests.
     *
     * @param endpoint    the API root ("https://bigquery.googleapis.com" when null); tests pass a local stand-in
     * @param location    the datasets' location, or null
     * @param credentials null for Application Default Credentials
     */
    public static BigQuery connect(String projectId, String endpoint, String location, Credentials credentials) {
        BigQueryOptions.Builder options = BigQueryOptions.newBuilder().setProjectId(projectId)
                .setRetrySettings(ServiceOptions.getNoRetrySettings());
        if (endpoint != null) {
            options.setHost(endpoint);
        }
        if (location != null) {
            options.setLocation(location);
        }
        if (credentials != null) {
            options.setCredentials(credentials);
        }
        return options.build().getService();
    }
}
