package fullcourt.messages;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that the coordinator issued a dispatch: HMAC-SHA256, under a key shared by the coordinator and the workers
 * ({@code fullcourt.dispatch.key}), over the run id, processor, date and dispatch number. The coordinator signs each
 * {@link DateWork}; a worker runs only work whose token verifies, and echoes it in its {@link TaskEvent}s, which the
 * coordinator verifies again. IAM keeps strangers off the topics; this keeps a message that got there anyway (a
 * forged one, one of another deployment, a replay edited on the way) from running or counting.
 */
public final class DispatchToken {

    /** The fewest key bytes accepted: HMAC-SHA256's output size (RFC 2104 section 3). */
    public static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    private DispatchToken(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Signs and verifies with {@code key} (its UTF-8 bytes; at least {@link #MIN_KEY_BYTES}). */
    public static DispatchToken withKey(String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("fullcourt.dispatch.key: expected at least " + MIN_KEY_BYTES
                    + " bytes, got " + bytes.length + " (e.g. openssl rand -base64 48)");
        }
        return new DispatchToken(bytes);
    }

    /** The token of one dispatch: URL-safe base64 of the HMAC, no padding. */
    public String sign(String runId, String processor, LocalDate date, int dispatch) {
        Mac mac = mac();
        byte[] digest = mac.doFinal((runId + "\n" + processor + "\n" + date + "\n" + dispatch)
                .getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** Whether {@code token} is this dispatch's; compared in constant time. */
    public boolean verify(String token, String runId, String processor, LocalDate date, int dispatch) {
        if (token == null || runId == null || processor == null || date == null) {
            return false;
        }
        byte[] expected = sign(runId, processor, date, dispatch).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code work} carries its own dispatch's token. */
    public boolean verify(DateWork work) {
        return verify(work.token(), work.runId(), work.processor(), work.date(), work.dispatch());
    }

    /** Whether {@code event} echoes the token of the dispatch it reports on. */
    public boolean verify(TaskEvent event) {
        return verify(event.token(), event.runId(), event.processor(), event.date(), event.dispatch());
    }

    /** {@code work} with its token. */
    public DateWork signed(DateWork work) {
        return work.withToken(sign(work.runId(), work.processor(), work.date(), work.dispatch()));
    }

    private Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
