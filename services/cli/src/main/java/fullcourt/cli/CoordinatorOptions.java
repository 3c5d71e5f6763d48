package fullcourt.cli;

import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Where the coordinator's REST API is: the option shared by status, replay and cancel. */
public class CoordinatorOptions {

    static final String ENV = "FULLCOURT_COORDINATOR_URL";
    static final String DEFAULT_URL = "http://localhost:8080";

    @Option(names = "--coordinator", paramLabel = "URL",
            defaultValue = "${env:" + ENV + ":-" + DEFAULT_URL + "}",
            description = "Base URL of the coordinator's REST API."
                    + "%nDefault: " + DEFAULT_URL + ", or $" + ENV + " when set.")
    String url;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** A client for the coordinator at {@link #baseUri()}. */
    CoordinatorClient client() {
        return CoordinatorClient.at(baseUri());
    }

    /** The URL without a trailing slash; a usage error when it is not an http(s) URL with a host. */
    URI baseUri() {
        String text = url == null ? "" : url.trim();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new ParameterException(command.commandLine(), "--coordinator: expected an http(s) URL such as "
                + DEFAULT_URL + ", got '" + url + "' (from the option or $" + ENV + ")");
    }
}
