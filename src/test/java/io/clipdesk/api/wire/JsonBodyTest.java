package io.clipdesk.api.wire;

import io.clipdesk.api.ApiServer;
import io.clipdesk.engine.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonBodyTest {

    private static JsonBody body(String json) {
        return JsonBody.parse(json.getBytes(StandardCharsets.UTF_8), ApiServer.objectMapper());
    }

    @Test
    void integers_areRead_andUnknownFieldsIgnored() {
        JsonBody b = body("{\"duration\": 30, \"start\": 1716559200, \"colour\": \"blue\"}");
        assertEquals(30, b.requiredLong("duration", "seconds"));
        assertEquals(OptionalLong.of(1716559200), b.optionalLong("start", "Unix seconds"));
    }

    @Test
    void null_countsAsOmitted() {
        JsonBody b = body("{\"start\": null}");
        assertEquals(OptionalLong.empty(), b.optionalLong("start", "Unix seconds"));
        assertFalse(b.has("start"));
    }

    @Test
    void stringWhereIntegerWanted_isRejectedNamingTheField() {
        var e = assertThrows(InvalidRequestException.class,
                () -> body("{\"duration\": \"30\"}").requiredLong("duration", "seconds"));
        assertEquals("duration must be an integer number of seconds, not a string.", e.getMessage());
    }

    @Test
    void fraction_isRejected_wholeFloatAccepted() {
        assertThrows(InvalidRequestException.class, () -> body("{\"duration\": 2.5}").requiredLong("duration", "s"));
        assertEquals(2, body("{\"duration\": 2.0}").requiredLong("duration", "s"));
    }

    @Test
    void missingRequiredField_saysWhatIsRequired() {
        var e = assertThrows(InvalidRequestException.class, () -> body("{}").requiredLong("duration", "seconds"));
        assertTrue(e.getMessage().startsWith("duration is required"));
    }

    @Test
    void booleanAsString_isRejected() {
        var e = assertThrows(InvalidRequestException.class,
                () -> body("{\"vod_required\": \"yes\"}").optionalBoolean("vod_required"));
        assertEquals("vod_required must be true or false, not a string.", e.getMessage());
    }

    @Test
    void brokenJson_isA400WithItsPosition_andNoParserInternals() {
        var e = assertThrows(InvalidRequestException.class, () -> body("{\"duration\": 30,"));
        assertTrue(e.getMessage().startsWith("The request body is not valid JSON (line 1"), e.getMessage());
        assertFalse(e.getMessage().contains("Source"));
    }

    @Test
    void secondObjectAfterTheFirst_isRefusedSayingWhereTheBodyGoesOn() {
        var e = assertThrows(InvalidRequestException.class, () -> body("{\"duration\":4}{\"duration\":5}"));
        assertEquals("The request body goes on after its JSON value ends (line 1, column 15); send exactly one object "
                + "such as {\"duration\": 30}.", e.getMessage());
    }

    @Test
    void wordAfterTheObject_isRefused_whitespaceIsNot() {
        var e = assertThrows(InvalidRequestException.class, () -> body("{\"duration\":4} trailing"));
        assertTrue(e.getMessage().startsWith("The request body goes on after its JSON value ends (line 1, column 15)"),
                e.getMessage());
        assertEquals(4, body("{\"duration\":4} \r\n\t").requiredLong("duration", "seconds"));
    }

    @Test
    void nonObjectBody_isRejected() {
        var e = assertThrows(InvalidRequestException.class, () -> body("[1,2]"));
        assertEquals("The request body must be a JSON object, not an array.", e.getMessage());
    }

    @Test
    void emptyBody_isAnEmptyObject() {
        assertFalse(body("").has("duration"));
    }
}
