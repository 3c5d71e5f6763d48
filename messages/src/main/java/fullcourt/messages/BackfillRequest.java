package fullcourt.messages;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A request to recompute a scope (phases and/or processors) over a date range or a list of dates; published on
 * {@code backfill-requests}. Collections are never null: absent means empty; an absent mode or policy is the default.
 *
 * <p>Dates may be relative ({@code today}, {@code yesterday}, {@code today-N}) and the request id may be absent, so
 * that one fixed message (a Cloud Scheduler job's) serves every day: the coordinator plans {@link #resolve resolved}
 * requests only, whose {@link #from()}, {@link #to()} and {@link #dates()} are calendar dates and whose id is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackfillRequest(
        int schemaVersion,
        String requestId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Integer> phases,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> processors,
        @JsonProperty("from") DateRef fromRef,
        @JsonProperty("to") DateRef toRef,
        @JsonProperty("dates") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<DateRef> dateRefs,
        boolean cascade,
        Mode mode,
        Policy policy,
        boolean dryRun,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> labels,
        Upstreams upstreams) {

    /**
     * Which tasks of the scope run: all of them; only those whose output partition is missing from
     * the data; or only the stale ones (missing, of another model version, or computed from inputs
     * that changed since, transitively through windows; lineage says which) and their stale downstream.
     */
    public enum Mode {
        ALL, MISSING, STALE;

        /** What a mode may be, as problems say it. */
        public static final String EXPECTATION = "one of all, missing, stale";

        /** The name on the wire: lowercase, as users type it. */
        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The mode named {@code text}, ignoring case. */
        public static Optional<Mode> find(String text) {
            return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(text)).findFirst();
        }

        @JsonCreator
        static Mode fromJson(String text) {
            return find(text).orElseThrow(() -> new IllegalArgumentException(
                    "mode: expected " + EXPECTATION + ", got " + Shown.quoted(String.valueOf(text))));
        }
    }

    /**
     * What the plan does with the upstream partitions its tasks read (same date and windows) that are outside the
     * run and missing from the data (or, for {@code stale} runs, stale): pull them into the run (the default),
     * refuse the request listing them, or allow the run on incomplete inputs (lineage records what was read, so
     * those partitions become stale once the inputs exist).
     */
    public enum Upstreams {
        PULL, REFUSE, ALLOW;

        /** What it may be, as problems say it. */
        public static final String EXPECTATION = "one of pull, refuse, allow";

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Upstreams> find(String text) {
            return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(text)).findFirst();
        }

        @JsonCreator
        static Upstreams fromJson(String text) {
            return find(text).orElseThrow(() -> new IllegalArgumentException(
                    "upstreams: expected " + EXPECTATION + ", got " + Shown.quoted(String.valueOf(text))));
        }
    }

    /**
     * How the coordinator orders the run's tasks. Whatever the policy, a task waits for its own upstreams, and the
     * per-processor and global in-flight limits apply.
     */
    public enum Policy {
        /** Each task starts as soon as its upstreams for its dates are done; the default. */
        PER_DATE,
        /** The old runbook: a dependency level of the run starts when every task of the levels before has finished. */
        PHASE_BARRIER,
        /** One task of the run at a time, earliest date first, then phase. */
        SEQUENTIAL;

        /** What a policy may be, as problems and usage errors say it. */
        public static final String EXPECTATION = "one of " + Arrays.stream(values()).map(Policy::wireName)
                .collect(Collectors.joining(", "));

        /** The name on the wire: lowercase with hyphens, as users type it. */
        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The policy whose wire name is {@code text}, ignoring case. */
        public static Optional<Policy> find(String text) {
            return Arrays.stream(values()).filter(p -> p.wireName().equalsIgnoreCase(text)).findFirst();
        }

        @JsonCreator
        static Policy fromJson(String text) {
            return find(text).orElseThrow(() -> new IllegalArgumentException(
                    "policy: expected " + EXPECTATION + ", got " + Shown.quoted(String.valueOf(text))));
        }
    }

    /** A phase that has work topics; shared by decoding and {@link BackfillRequestValidator} so both say the same. */
    static final JsonShape.Kind<Integer> PHASE =
            JsonShape.integerIn(Topics.PHASES.get(0), Topics.PHASES.get(Topics.PHASES.size() - 1));

    /** How derived request ids begin (see {@link #resolve}). */
    public static final String DERIVED_ID_PREFIX = "auto-";

    static final String REQUEST_ID_EXPECTATION = "1..128 characters of A-Z a-z 0-9 . _ -, not . or ..";

    // The request id is an idempotency key that also lands in Pub/Sub attributes, ledger keys and file names.
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    public BackfillRequest {
        phases = phases == null ? List.of() : List.copyOf(phases);
        processors = processors == null ? List.of() : List.copyOf(processors);
        dateRefs = dateRefs == null ? List.of() : List.copyOf(dateRefs);
        mode = mode == null ? Mode.ALL : mode;
        policy = policy == null ? Policy.PER_DATE : policy;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        upstreams = upstreams == null ? Upstreams.PULL : upstreams;
    }

    /** A request over calendar dates that pulls missing upstreams (the default). */
    public BackfillRequest(int schemaVersion, String requestId, List<Integer> phases, List<String> processors,
                           LocalDate from, LocalDate to, List<LocalDate> dates, boolean cascade, Mode mode,
                           Policy policy, boolean dryRun, Map<String, String> labels) {
        this(schemaVersion, requestId, phases, processors, ref(from), ref(to), refs(dates), cascade, mode, policy,
                dryRun, labels, Upstreams.PULL);
    }

    // Boxed booleans so that an absent cascade reads as true, which a primitive cannot express.
    @JsonCreator
    static BackfillRequest fromJson(
            @JsonProperty("schemaVersion") int schemaVersion,
            @JsonProperty("requestId") String requestId,
            @JsonProperty("phases") List<Integer> phases,
            @JsonProperty("processors") List<String> processors,
            @JsonProperty("from") DateRef from,
            @JsonProperty("to") DateRef to,
            @JsonProperty("dates") List<DateRef> dates,
            @JsonProperty("cascade") Boolean cascade,
            @JsonProperty("mode") Mode mode,
            @JsonProperty("policy") Policy policy,
            @JsonProperty("dryRun") Boolean dryRun,
            @JsonProperty("labels") Map<String, String> labels,
            @JsonProperty("upstreams") Upstreams upstreams) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, from, to, dates,
                cascade == null || cascade, mode, policy, dryRun != null && dryRun, labels, upstreams);
    }

    /** A request over {@code from..to} inclusive with the defaults and an empty scope: add phases or processors. */
    public static BackfillRequest forRange(String requestId, LocalDate from, LocalDate to) {
        return forRange(requestId, ref(from), ref(to));
    }

    /** A range that may be relative, e.g. {@code yesterday..today}; see {@link #forRange(String, LocalDate, LocalDate)}. */
    public static BackfillRequest forRange(String requestId, DateRef from, DateRef to) {
        return new BackfillRequest(SchemaVersions.CURRENT, requestId, List.of(), List.of(), from, to, List.of(),
                true, Mode.ALL, Policy.PER_DATE, false, Map.of(), Upstreams.PULL);
    }

    /** A request over the given dates with the defaults and an empty scope: add phases or processors. */
    public static BackfillRequest forDates(String requestId, List<LocalDate> dates) {
        return forDateRefs(requestId, refs(dates));
    }

    /** Dates that may be relative; see {@link #forDates}. */
    public static BackfillRequest forDateRefs(String requestId, List<DateRef> dates) {
        return new BackfillRequest(SchemaVersions.CURRENT, requestId, List.of(), List.of(), null, null, dates,
                true, Mode.ALL, Policy.PER_DATE, false, Map.of(), Upstreams.PULL);
    }

    /** The first date of the range; null without a range. */
    public LocalDate from() {
        return calendarDate("from", fromRef);
    }

    /** The last date of the range; null without a range. */
    public LocalDate to() {
        return calendarDate("to", toRef);
    }

    /** The listed dates; empty for a range. */
    public List<LocalDate> dates() {
        return dateRefs.stream().map(d -> calendarDate("dates", d)).toList();
    }

    /** Whether a date is relative, i.e. the request must be {@link #resolve resolved} before it is planned. */
    public boolean hasRelativeDates() {
        return (fromRef != null && fromRef.isRelative()) || (toRef != null && toRef.isRelative())
                || dateRefs.stream().anyMatch(DateRef::isRelative);
    }

    /**
     * The request as planned on {@code today}: relative dates resolved, and an absent request id derived from the
     * resolved request ({@code auto-FIRSTDATE-HASH}), so that the same message on the same day is one run however
     * often it is delivered, and the next day, when its dates move on, another.
     */
    public BackfillRequest resolve(LocalDate today) {
        BackfillRequest resolved = new BackfillRequest(schemaVersion, requestId, phases, processors,
                fromRef == null ? null : DateRef.of(fromRef.resolve(today)),
                toRef == null ? null : DateRef.of(toRef.resolve(today)),
                dateRefs.stream().map(d -> DateRef.of(d.resolve(today))).toList(),
                cascade, mode, policy, dryRun, labels, upstreams);
        return requestId != null ? resolved : resolved.withRequestId(derivedRequestId(resolved));
    }

    // A hash of the whole resolved request as encoded (map keys sorted), with the first date up front for people.
    private static String derivedRequestId(BackfillRequest resolved) {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256").digest(MessageCodec.json(resolved));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        LocalDate first = resolved.fromRef != null ? resolved.fromRef.date()
                : resolved.dateRefs.stream().map(DateRef::date).min(LocalDate::compareTo).orElse(null);
        return DERIVED_ID_PREFIX + (first == null ? "" : first + "-") + HexFormat.of().formatHex(hash, 0, 6);
    }

    private static LocalDate calendarDate(String field, DateRef ref) {
        if (ref != null && ref.isRelative()) {
            throw new IllegalStateException(field + " is " + ref + ": resolve(today) the request before reading its"
                    + " dates");
        }
        return ref == null ? null : ref.date();
    }

    private static DateRef ref(LocalDate date) {
        return date == null ? null : DateRef.of(date);
    }

    private static List<DateRef> refs(List<LocalDate> dates) {
        return dates == null ? List.of() : dates.stream().map(DateRef::of).toList();
    }

    public BackfillRequest withRequestId(String requestId) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    public BackfillRequest withPhases(List<Integer> phases) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    public BackfillRequest withProcessors(List<String> processors) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    public BackfillRequest withCascade(boolean cascade) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    public BackfillRequest withMode(Mode mode) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    public BackfillRequest withPolicy(Policy policy) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    public BackfillRequest withDryRun(boolean dryRun) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    public BackfillRequest withLabels(Map<String, String> labels) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    public BackfillRequest withUpstreams(Upstreams upstreams) {
        return new BackfillRequest(schemaVersion, requestId, phases, processors, fromRef, toRef, dateRefs, cascade,
                mode, policy, dryRun, labels, upstreams);
    }

    static boolean isValidRequestId(String requestId) {
        // "." and ".." match the characters but name directories wherever a run id becomes a path
        return REQUEST_ID.matcher(requestId).matches() && SaneValues.idProblem(requestId).isEmpty();
    }

    static void checkShape(JsonShape json) {
        // optional: absent, the coordinator derives it from the resolved request
        String requestId = json.optional("requestId", JsonShape.TEXT);
        if (requestId != null && !isValidRequestId(requestId)) {
            json.problem("requestId", "expected " + REQUEST_ID_EXPECTATION + ", got " + Shown.quoted(requestId));
        }
        json.list("phases", PHASE);
        json.list("processors", JsonShape.TEXT);
        json.optional("from", JsonShape.DATE_REF);
        json.optional("to", JsonShape.DATE_REF);
        json.list("dates", JsonShape.DATE_REF);
        json.optional("cascade", JsonShape.BOOLEAN);
        json.optional("mode", JsonShape.textAs(Mode.EXPECTATION, Mode::find));
        json.optional("upstreams", JsonShape.textAs(Upstreams.EXPECTATION, Upstreams::find));
        json.optional("policy", JsonShape.textAs(Policy.EXPECTATION, Policy::find));
        json.optional("dryRun", JsonShape.BOOLEAN);
        json.textMap("labels");
    }
}
