package fullcourt.cli;

import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.IVersionProvider;

/** The application version Quarkus was built with, for {@code fullcourt --version}. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version;
        try {
            version = ConfigProvider.getConfig().getOptionalValue("quarkus.application.version", String.class)
                    .orElse("unknown");
        } catch (RuntimeException e) {
            version = "unknown";
        }
        return new String[] {"fullcourt " + version};
    }
}
