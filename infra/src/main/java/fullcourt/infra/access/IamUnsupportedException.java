package fullcourt.infra.access;

/** The Pub/Sub server does not implement IAM policies: the emulator, which has no access control at all. */
public class IamUnsupportedException extends IllegalStateException {

    public IamUnsupportedException(String project, String resource, Throwable cause) {
        super("Pub/Sub of project " + project + " does not implement IAM policies (reading the policy of " + resource
                + " answered UNIMPLEMENTED): the emulator has no access control, so there is nothing to grant there;"
                + " against Google Cloud this is an error", cause);
    }
}
