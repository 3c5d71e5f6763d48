package fullcourt.infra;

/** The Pub/Sub emulator (or the Google Cloud CLI used to find it) is not installed; the message says how to fix it. */
public class EmulatorNotFoundException extends IllegalStateException {

    static final String HOW_TO_INSTALL = "Install it with `gcloud components install pubsub-emulator`"
            + " (for apt installs of the Google Cloud CLI: `sudo apt-get install google-cloud-cli-pubsub-emulator`),"
            + " or set " + PubSubEmulator.JAR_ENV + " to the path of cloud-pubsub-emulator-*.jar.";

    public EmulatorNotFoundException(String reason) {
        super("Pub/Sub emulator not found: " + reason + ". " + HOW_TO_INSTALL);
    }
}
