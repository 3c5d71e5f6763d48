package fullcourt.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import fullcourt.engine.catalog.Catalog;
import fullcourt.engine.testing.Declarations;
import fullcourt.messages.DateWork;
import fullcourt.messages.DispatchToken;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worker through a key rotation: what it runs and what it refuses, with which reason. */
class WorkAdmissionTest {

    private static final String OLD_KEY = "o".repeat(32);
    private static final String NEW_KEY = "n".repeat(32);
    private static final Catalog CATALOG = Catalog.of(List.of(Declarations.declaration("alpha", 3)));
    private static final DateWork WORK = DateWork.of("r", "alpha/2022-01-03", "alpha", LocalDate.of(2022, 1, 3), 1);

    @Test
    void duringARotationWorkSignedWithTheCurrentOrThePreviousKeyRuns() {
        WorkAdmission rotating = new WorkAdmission(CATALOG, DispatchToken.withKeys(NEW_KEY, List.of(OLD_KEY)));

        assertThat(rotating.refusal(DispatchToken.withKey(OLD_KEY).signed(WORK), 3)).as("queued before").isEmpty();
        assertThat(rotating.refusal(DispatchToken.withKey(NEW_KEY).signed(WORK), 3)).as("signed after").isEmpty();
    }

    @Test
    void onceThePreviousKeyIsDroppedItsWorkIsRefusedAsSignedWithARetiredKey() {
        WorkAdmission rotated = new WorkAdmission(CATALOG, DispatchToken.withKey(NEW_KEY));

        WorkAdmission.Refusal refusal = rotated.refusal(DispatchToken.withKey(OLD_KEY).signed(WORK), 3).orElseThrow();

        assertThat(refusal.tag()).isEqualTo("unknown-key");
        assertThat(refusal.reason()).startsWith("dispatch token signed with key " + DispatchToken.keyId(OLD_KEY)
                + ", which is neither the current key " + DispatchToken.keyId(NEW_KEY) + " nor a previous one []")
                .contains("a retired key").contains("run r, alpha 2022-01-03, dispatch 1");
    }

    @Test
    void aTokenNamingTheCurrentKeyWithAnotherDispatchsMacIsRefusedAsBad() {
        DispatchToken tokens = DispatchToken.withKey(NEW_KEY);
        DateWork replayed = DateWork.of("r", "alpha/2022-01-03", "alpha", LocalDate.of(2022, 1, 3), 2)
                .withToken(tokens.signed(WORK).token());

        assertThat(new WorkAdmission(CATALOG, tokens).refusal(replayed, 3).orElseThrow().tag()).isEqualTo("bad-token");
    }
}
