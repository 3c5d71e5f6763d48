package fullcourt.loader.announce;

import fullcourt.messages.RawUpdate;

/** Where a load says which dates it changed: the {@code raw-updates} topic, or nowhere. */
public interface RawUpdateAnnouncer {

    /** Publishes one announcement, confirmed; throws when it could not be published. */
    void announce(RawUpdate update);

    /** Why nothing is announced, for the summary; empty when this announcer publishes. */
    default java.util.Optional<String> disabledBecause() {
        return java.util.Optional.empty();
    }

    /** An announcer that publishes nothing, saying why. */
    static RawUpdateAnnouncer disabled(String because) {
        return new RawUpdateAnnouncer() {
            @Override
            public void announce(RawUpdate update) {
                // nothing to do: disabledBecause() says why
            }

            @Override
            public java.util.Optional<String> disabledBecause() {
                return java.util.Optional.of(because);
            }
        };
    }
}
