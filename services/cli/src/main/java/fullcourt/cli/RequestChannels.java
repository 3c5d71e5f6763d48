package fullcourt.cli;

/** Opens a {@link RequestChannel} to the Pub/Sub that the options name. */
public interface RequestChannels {

    RequestChannel open(PubSubOptions options);
}
