package io.clipdesk.engine.delivery;

import io.clipdesk.engine.InvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Back-off and destination rules of the delivery engine. */
class RetryPolicyTest {

    @Test
    void defaultBackOff_doublesFrom2sUpToTheCap_andStopsAfterSixAttempts() {
        RetryPolicy policy = RetryPolicy.DEFAULT;
        assertEquals(2_000, policy.delayAfterMs(1));
        assertEquals(4_000, policy.delayAfterMs(2));
        assertEquals(32_000, policy.delayAfterMs(5));
        assertEquals(60_000, policy.delayAfterMs(7));
        assertEquals(60_000, policy.delayAfterMs(60), "no overflow far out");
        assertTrue(policy.allowsAnother(5));
        assertFalse(policy.allowsAnother(6));
    }

    @Test
    void destination_refusesWhatCannotWork_inAFullSentence() {
        assertEquals("Give the destination a name, e.g. \"Social\" or \"Playout\".", assertThrows(
                InvalidRequestException.class, () -> Destination.draft(" ", DestinationKind.FOLDER, "/srv", ""))
                .getMessage());
        assertTrue(assertThrows(InvalidRequestException.class, () -> Destination.draft("P", DestinationKind.FOLDER,
                "in/playout", "")).getMessage().startsWith("The folder must be a full path"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> Destination.draft("S", DestinationKind.HTTP,
                "ftp://cms/in", "")).getMessage().startsWith("The URL must start with http:// or https://"));
        assertTrue(assertThrows(InvalidRequestException.class, () -> Destination.draft("S", DestinationKind.HTTP,
                "https://cms/in", "Bearer abc")).getMessage().startsWith("The token must be printable ASCII"));
        assertEquals("https://cms.example/in", Destination.draft(" Social ", DestinationKind.HTTP,
                " https://cms.example/in ", "abc").target());
        assertFalse(Destination.draft("S", DestinationKind.HTTP, "https://c/in", "secret").toString()
                .contains("secret"), "the token never reaches a log");
    }
}
