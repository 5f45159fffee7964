package io.clipdesk.ui.streams;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamFormTest {

    private static StreamForm form(SourceKind kind) {
        return new StreamForm("Camera 1", kind, "", "", "", "", true, 60);
    }

    private static LiveStream stored(SourceSpec source, int dvrDurationS) {
        return new LiveStream(7, "Camera 1", source, true, dvrDurationS, "k3ykeyk3ykey", 0, Rendition.DEFAULT_LADDER);
    }

    @Test
    void pushSources_withoutAPort_askTheEngineForAFreeOne_andSrtCarriesItsPassphrase() {
        assertEquals(PushAddress.rtmp(0).spec(), form(SourceKind.RTMP_PUSH).source());
        StreamForm srt = new StreamForm("Field", SourceKind.SRT_PUSH, "", "", " 9100 ", "correct-horse", true, 60);
        assertEquals(PushAddress.srt(9100, "correct-horse").spec(), srt.source());
        assertEquals(new StreamDraft("Field", PushAddress.srt(9100, "correct-horse").spec(), true, 3600), srt.draft());
    }

    @Test
    void problem_saysWhatIsMissingOrMalformed_beforeTheEngineIsAsked() {
        assertEquals(Optional.of("Give the stream a name."),
                new StreamForm(" ", SourceKind.TEST_SIGNAL, "", "", "", "", true, 60).problem());
        assertTrue(form(SourceKind.HLS_PULL).problem().orElseThrow().startsWith("Enter the URL"));
        assertEquals(Optional.of("The playlist URL must start with http:// or https://."),
                new StreamForm("a", SourceKind.HLS_PULL, "rtmp://x/live.m3u8", "", "", "", true, 60).problem());
        assertEquals(Optional.of("Choose the file to play as live."), form(SourceKind.FILE_LOOP).problem());
        assertTrue(new StreamForm("a", SourceKind.RTMP_PUSH, "", "", "80", "", true, 60).problem().orElseThrow()
                .contains("1024 to 65535"));
        assertTrue(new StreamForm("a", SourceKind.SRT_PUSH, "", "", "", "short", true, 60).problem().orElseThrow()
                .startsWith("Passphrase must be 10–79 characters"), "the engine's own passphrase rule");
        assertEquals(Optional.empty(), new StreamForm("a", SourceKind.HLS_PULL, "HTTPS://o/live.m3u8", "", "", "",
                true, 60).problem(), "the engine decides the rest");
    }

    @Test
    void patch_carriesOnlyWhatTheEditorChanged() {
        LiveStream camera = stored(PushAddress.rtmp(1936).spec(), 90);
        StreamForm untouched = StreamForm.of(camera);
        assertEquals("1936", untouched.portText());
        assertEquals(StreamPatch.NONE, untouched.patch(camera), "90 s shows as 2 min but is not rounded on save");

        StreamForm renamed = new StreamForm("Camera 2", SourceKind.RTMP_PUSH, "", "", "", "", true, 30);
        StreamPatch patch = renamed.patch(camera);
        assertEquals(Optional.of("Camera 2"), patch.name());
        assertEquals(OptionalInt.of(1800), patch.dvrDurationS());
        assertEquals(Optional.empty(), patch.source(), "a blank port keeps the stream's own");
        assertFalse(renamed.changesSource(camera));
    }

    @Test
    void changesSource_isTrueForAnotherKindOrAnotherPort() {
        LiveStream camera = stored(PushAddress.rtmp(1936).spec(), 3600);
        assertTrue(new StreamForm("Camera 1", SourceKind.RTMP_PUSH, "", "", "1940", "", true, 60).changesSource(camera));
        assertTrue(new StreamForm("Camera 1", SourceKind.SRT_PUSH, "", "", "", "", true, 60).changesSource(camera));
        LiveStream pull = stored(new SourceSpec(SourceKind.HLS_PULL, "https://o/a.m3u8"), 3600);
        assertFalse(StreamForm.of(pull).changesSource(pull));
        assertTrue(new StreamForm("Camera 1", SourceKind.HLS_PULL, "https://o/b.m3u8", "", "", "", true, 60)
                .changesSource(pull));
    }
}
