package fullcourt.messages;

/** The message schema version this build writes and reads. */
public final class SchemaVersions {

    /** Bumped only for changes an older reader would misread; adding an optional field is not one. */
    public static final int CURRENT = 1;

    private SchemaVersions() {
    }
}
