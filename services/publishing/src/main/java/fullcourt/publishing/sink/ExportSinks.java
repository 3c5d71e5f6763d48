package fullcourt.publishing.sink;

import com.google.cloud.storage.StorageOptions;
import fullcourt.publishing.ExportsConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** The export sink that {@code fullcourt.exports.location} names; built at start so a bad setting fails the start, not the first task. */
public class ExportSinks {

    private static final Logger LOG = Logger.getLogger(ExportSinks.class);

    @Produces
    @Singleton
    @Startup
    ExportSink sink(ExportsConfig config) {
        ExportSink sink = open(ExportLocation.parse(config.location()));
        LOG.infof("Exports go to %s", sink.describe());
        return sink;
    }

    /** A sink for {@code location}; a bucket is reached with the application default credentials. */
    public static ExportSink open(ExportLocation location) {
        if (location instanceof ExportLocation.Bucket b) {
            return new GcsSink(StorageOptions.getDefaultInstance().getService(), b.bucket(), b.prefix());
        }
        return new LocalDirectorySink(((ExportLocation.Directory) location).root());
    }
}
