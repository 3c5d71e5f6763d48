package fullcourt.cli;

import fullcourt.infra.PubSubConnection;
import fullcourt.messages.Topics;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Which Pub/Sub project and topic names the services use: the options of commands that publish. */
public class PubSubOptions {

    static final String EMULATOR_ENV = "PUBSUB_EMULATOR_HOST";
    static final String PROJECT_ENV = "FULLCOURT_PROJECT";
    static final String PREFIX_ENV = "FULLCOURT_TOPIC_PREFIX";
    static final String DEFAULT_PROJECT = "fullcourt-local";

    private static final Pattern HOST_PORT = Pattern.compile("[^\\s/:]+:\\d{1,5}|\\[[0-9a-fA-F:]+]:\\d{1,5}");

    @Option(names = "--emulator", paramLabel = "HOST:PORT", defaultValue = "${env:" + EMULATOR_ENV + "}",
            description = "Pub/Sub emulator to talk to, e.g. localhost:8085 (the local launcher logs its address)."
                    + "%nDefault: $" + EMULATOR_ENV + " when set; else Google Cloud Pub/Sub with application"
                    + " default credentials.")
    String emulator;

    @Option(names = "--project", paramLabel = "ID",
            defaultValue = "${env:" + PROJECT_ENV + ":-" + DEFAULT_PROJECT + "}",
            description = "Pub/Sub project of the services (fullcourt.pubsub.project-id)."
                    + "%nDefault: " + DEFAULT_PROJECT + ", or $" + PROJECT_ENV + " when set.")
    String project;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "${env:" + PREFIX_ENV + ":-}",
            description = "Prefix of every topic and subscription name, as the services were configured"
                    + " (fullcourt.pubsub.topic-prefix).%nDefault: none, or $" + PREFIX_ENV + " when set.")
    String topicPrefix;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }

    String project() {
        return project == null || project.isBlank() ? DEFAULT_PROJECT : project.trim();
    }

    boolean usesEmulator() {
        return emulator != null && !emulator.isBlank();
    }

    /** A connection to the emulator or to Google Cloud; a usage error when the emulator address is malformed. */
    PubSubConnection connect() {
        if (!usesEmulator()) {
            return PubSubConnection.cloud(project());
        }
        String hostPort = emulator.trim();
        if (!HOST_PORT.matcher(hostPort).matches()) {
            throw new ParameterException(command.commandLine(), "--emulator: expected HOST:PORT such as"
                    + " localhost:8085 (no http://), got '" + emulator + "' (from the option or $" + EMULATOR_ENV
                    + ")");
        }
        return PubSubConnection.emulator(hostPort, project());
    }

    /** What was tried, for messages: the emulator's address or Google Cloud, and the project. */
    String target() {
        return usesEmulator()
                ? "the Pub/Sub emulator at " + emulator.trim() + " (project " + project() + ")"
                : "Google Cloud Pub/Sub (project " + project() + ")";
    }

    /** How to point the command elsewhere when {@link #target()} did not answer. */
    String reachHint() {
        return usesEmulator()
                ? "is the emulator running there? set --emulator or $" + EMULATOR_ENV + " to its HOST:PORT"
                : "check the credentials (gcloud auth application-default login) and --project/$" + PROJECT_ENV
                        + ", or set --emulator or $" + EMULATOR_ENV + " for a local emulator";
    }
}
