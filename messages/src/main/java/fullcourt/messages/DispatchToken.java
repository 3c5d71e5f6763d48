package fullcourt.messages;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proof that the coordinator issued a dispatch: HMAC-SHA256, under a key shared by the coordinator and the workers
 * ({@code fullcourt.dispatch.key}), over the run id, processor, date and dispatch number. The coordinator signs each
 * {@link DateWork}; a worker runs only work whose token verifies, and echoes it in its {@link TaskEvent}s, which the
 * coordinator verifies again. IAM keeps strangers off the topics; this keeps a message that got there anyway (a
 * forged one, one of another deployment, a replay edited on the way) from running or counting.
 *
 * <p>A token is {@code KEYID.MAC}: the key id ({@link #keyId}) names the key that signed it, so a verifier holding
 * the current key and the previous ones ({@code fullcourt.dispatch.previous-keys}, verify-only, while a rotation is
 * under way) checks it under that key alone and can say which key signed a message. Only the current key signs.
 */
public final class DispatchToken {

    /** The fewest key bytes accepted: HMAC-SHA256's output size (RFC 2104 section 3). */
    public static final int MIN_KEY_BYTES = 32;

    private static final char SEPARATOR = '.';

    private final String currentId;
    /** Key id -> key, the current one first; the previous ones only verify. */
    private final Map<String, SecretKeySpec> keys;

    private DispatchToken(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** Signs and verifies with {@code key} (its UTF-8 bytes; at least {@link #MIN_KEY_BYTES}). */
    public static DispatchToken withKey(String key) {
        return withKeys(key, List.of());
    }

    /**
     * Signs with {@code current}; verifies under it and under each of {@code previous} (keys being rotated out: tokens
     * they signed, still queued, keep verifying until they are dropped from the list).
     */
    public static DispatchToken withKeys(String current, List<String> previous) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        keys.put(keyId(current), spec(current, "fullcourt.dispatch.key"));
        for (String key : previous) {
            keys.putIfAbsent(keyId(key), spec(key, "fullcourt.dispatch.previous-keys"));
        }
        return new DispatchToken(keyId(current), keys);
    }

    /**
     * The id of {@code key}: the first 8 hex digits of its SHA-256, which tells keys apart in tokens and logs and
     * tells nothing usable about the key (finding a key from 32 bits of its hash is no easier than guessing it).
     */
    public static String keyId(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The id of the key that signs. */
    public String currentKeyId() {
        return currentId;
    }

    /** The ids of the keys that only verify, in configuration order. */
    public List<String> previousKeyIds() {
        List<String> ids = new ArrayList<>(keys.keySet());
        ids.remove(currentId);
        return ids;
    }

    /** The token of one dispatch under the current key: its id, a dot, the URL-safe base64 of the HMAC, no padding. */
    public String sign(String runId, String processor, LocalDate date, int dispatch) {
        return currentId + SEPARATOR + mac(keys.get(currentId), runId, processor, date, dispatch);
    }

    /** Which key {@code token} was signed with and whether it is this dispatch's; compared in constant time. */
    public TokenCheck check(String token, String runId, String processor, LocalDate date, int dispatch) {
        if (token == null || runId == null || processor == null || date == null) {
            return TokenCheck.missing();
        }
        int dot = token.indexOf(SEPARATOR);
        if (dot < 0) {
            return checkWithoutKeyId(token, runId, processor, date, dispatch);
        }
        String keyId = token.substring(0, dot);
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return TokenCheck.unknownKey(LogText.of(keyId, 16), currentId, previousKeyIds());
        }
        boolean matches = equal(mac(key, runId, processor, date, dispatch), token.substring(dot + 1));
        return matches ? TokenCheck.valid(keyId, !keyId.equals(currentId)) : TokenCheck.badSignature(keyId);
    }

    /** Whether {@code token} is this dispatch's, under any key this verifier holds. */
    public boolean verify(String token, String runId, String processor, LocalDate date, int dispatch) {
        return check(token, runId, processor, date, dispatch).valid();
    }

    /** Which key signed {@code work}'s token and whether it is its own dispatch's. */
    public TokenCheck check(DateWork work) {
        return check(work.token(), work.runId(), work.processor(), work.date(), work.dispatch());
    }

    /** Which key signed the token {@code event} echoes and whether it is the dispatch's it reports on. */
    public TokenCheck check(TaskEvent event) {
        return check(event.token(), event.runId(), event.processor(), event.date(), event.dispatch());
    }

    /** Whether {@code work} carries its own dispatch's token. */
    public boolean verify(DateWork work) {
        return check(work).valid();
    }

    /** Whether {@code event} echoes the token of the dispatch it reports on. */
    public boolean verify(TaskEvent event) {
        return check(event).valid();
    }

    /** {@code work} with its token. */
    public DateWork signed(DateWork work) {
        return work.withToken(sign(work.runId(), work.processor(), work.date(), work.dispatch()));
    }

    /**
     * A token of the format before key ids (the bare MAC), as a coordinator of the previous release signed: tried
     * under every key held, so work queued across the upgrade still runs.
     */
    private TokenCheck checkWithoutKeyId(String token, String runId, String processor, LocalDate date, int dispatch) {
        for (Map.Entry<String, SecretKeySpec> key : keys.entrySet()) {
            if (equal(mac(key.getValue(), runId, processor, date, dispatch), token)) {
                return TokenCheck.valid(key.getKey(), !key.getKey().equals(currentId));
            }
        }
        return TokenCheck.badSignature("none");
    }

    private static boolean equal(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static String mac(SecretKeySpec key, String runId, String processor, LocalDate date, int dispatch) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((runId + "\n" + processor + "\n" + date + "\n" + dispatch)
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static SecretKeySpec spec(String key, String setting) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(setting + ": expected at least " + MIN_KEY_BYTES
                    + " bytes, got " + bytes.length + " (e.g. openssl rand -base64 48)");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
