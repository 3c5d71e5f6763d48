package fullcourt.messages;

import java.util.List;

/**
 * What checking a dispatch token found: valid under the current key or a previous (verify-only) one, or refused with
 * a tag (a metric label: {@code no-token}, {@code unknown-key}, {@code bad-token}) and a reason.
 *
 * @param keyId the key id the token names; {@code none} when it names none
 */
public record TokenCheck(Status status, String keyId, String reason) {

    /** The verdicts. */
    public enum Status { CURRENT_KEY, PREVIOUS_KEY, MISSING, UNKNOWN_KEY, BAD_SIGNATURE }

    static TokenCheck valid(String keyId, boolean previous) {
        return new TokenCheck(previous ? Status.PREVIOUS_KEY : Status.CURRENT_KEY, keyId, "");
    }

    static TokenCheck missing() {
        return new TokenCheck(Status.MISSING, "none", "no dispatch token: not dispatched by a coordinator of this"
                + " deployment (or one older than dispatch tokens)");
    }

    static TokenCheck unknownKey(String keyId, String currentId, List<String> previousIds) {
        return new TokenCheck(Status.UNKNOWN_KEY, keyId, "dispatch token signed with key " + keyId + ", which is"
                + " neither the current key " + currentId + " nor a previous one " + previousIds + ": a retired key"
                + " (dropped from fullcourt.dispatch.previous-keys), or another deployment's");
    }

    static TokenCheck badSignature(String keyId) {
        return new TokenCheck(Status.BAD_SIGNATURE, keyId, "dispatch token does not verify under key " + keyId
                + ": forged, altered, or of another dispatch");
    }

    public boolean valid() {
        return status == Status.CURRENT_KEY || status == Status.PREVIOUS_KEY;
    }

    /** The metric label of a refusal; empty for a valid token. */
    public String tag() {
        return switch (status) {
            case CURRENT_KEY, PREVIOUS_KEY -> "";
            case MISSING -> "no-token";
            case UNKNOWN_KEY -> "unknown-key";
            case BAD_SIGNATURE -> "bad-token";
        };
    }
}
