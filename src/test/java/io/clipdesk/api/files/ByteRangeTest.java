package io.clipdesk.api.files;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteRangeTest {

    @Test
    void parse_closedRange_isThoseBytes() {
        ByteRange r = ByteRange.parse("bytes=0-99", 1000).orElseThrow();
        assertEquals(0, r.first());
        assertEquals(99, r.last());
        assertEquals(100, r.length());
        assertEquals("bytes 0-99/1000", r.contentRange());
    }

    @Test
    void parse_openEnd_runsToTheLastByte() {
        ByteRange r = ByteRange.parse("bytes=900-", 1000).orElseThrow();
        assertEquals("bytes 900-999/1000", r.contentRange());
    }

    @Test
    void parse_suffix_isTheLastBytes() {
        assertEquals("bytes 800-999/1000", ByteRange.parse("bytes=-200", 1000).orElseThrow().contentRange());
        assertEquals("bytes 0-999/1000", ByteRange.parse("bytes=-5000", 1000).orElseThrow().contentRange());
    }

    @Test
    void parse_endBeyondFile_isClampedToTheFile() {
        assertEquals("bytes 10-999/1000", ByteRange.parse("bytes=10-5000", 1000).orElseThrow().contentRange());
    }

    @Test
    void parse_startAtOrBeyondEnd_isUnsatisfiable() {
        ByteRange r = ByteRange.parse("bytes=1000-", 1000).orElseThrow();
        assertFalse(r.satisfiable());
        assertEquals("bytes */1000", r.contentRange());
        assertFalse(ByteRange.parse("bytes=-0", 1000).orElseThrow().satisfiable());
    }

    @Test
    void parse_whatWeDoNotHonour_meansTheWholeFile() {
        assertEquals(Optional.empty(), ByteRange.parse(null, 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=0-1,5-9", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("items=0-1", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=9-1", 1000));
        assertEquals(Optional.empty(), ByteRange.parse("bytes=-", 1000));
    }

    @Test
    void parse_singleByte_isSatisfiable() {
        assertTrue(ByteRange.parse("bytes=999-999", 1000).orElseThrow().satisfiable());
    }

    @Test
    void parse_positionsTooLongForALong_arePastAnyFile() {
        assertFalse(ByteRange.parse("bytes=99999999999999999999-", 1000).orElseThrow().satisfiable(), "416");
        assertEquals("bytes 10-999/1000",
                ByteRange.parse("bytes=10-99999999999999999999", 1000).orElseThrow().contentRange());
        assertEquals("bytes 0-999/1000",
                ByteRange.parse("bytes=-99999999999999999999", 1000).orElseThrow().contentRange());
        assertEquals("bytes 5-9/1000", ByteRange.parse("bytes=0000000000000000000005-9", 1000).orElseThrow()
                .contentRange(), "leading zeros are not length");
    }

    @Test
    void requested_withIfRange_isTheWholeFile_asNoValidatorIsSentForItToMatch() {
        assertEquals(Optional.empty(), ByteRange.requested("bytes=0-99", "\"nope\"", 1000));
        assertEquals(Optional.empty(), ByteRange.requested("bytes=0-99", "Wed, 21 Oct 2015 07:28:00 GMT", 1000));
        assertEquals("bytes 0-99/1000", ByteRange.requested("bytes=0-99", null, 1000).orElseThrow().contentRange());
    }
}
