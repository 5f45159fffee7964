package io.clipdesk.ui.streams;

import io.clipdesk.engine.InvalidRequestException;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceHealth;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.engine.stream.StreamState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamDialogViewModelTest {

    private static final long T0 = 1_716_562_000_000L;
    private static final LiveStream PULL = new LiveStream(3, "Origin", new SourceSpec(SourceKind.HLS_PULL,
            "https://origin.example/live.m3u8"), true, 3600, "k3ykeyk3ykey", 0, Rendition.DEFAULT_LADDER);
    private static final StreamState TEN_MINUTES = new StreamState(3, SourceHealth.LIVE, "receiving",
            new DvrWindow(T0, T0 + 600_000), 300, T0, 0);

    /** Commands that refuse every stream with the engine's sentence, or accept it as stored. */
    private static final class FakeEngine implements StreamDialogViewModel.Commands {
        final List<Object> asked = new ArrayList<>();
        String refusal;

        @Override
        public void create(StreamDraft draft, Consumer<LiveStream> onDone, Consumer<RuntimeException> onFailure) {
            asked.add(draft);
            if (refusal != null) {
                onFailure.accept(new InvalidRequestException(refusal));
            } else {
                onDone.accept(new LiveStream(9, draft.name(), PushAddress.rtmp(1935).spec(), true,
                        draft.dvrDurationS(), "abcdefabcdef", 0, Rendition.DEFAULT_LADDER));
            }
        }

        @Override
        public void update(long streamId, StreamPatch patch, Consumer<LiveStream> onDone,
                           Consumer<RuntimeException> onFailure) {
            asked.add(patch);
            onDone.accept(PULL);
        }
    }

    @Test
    void editingTheSource_warnsThatTheDvrOfTheOldSourceIsEmptied() {
        StreamDialogViewModel vm = new StreamDialogViewModel(new FakeEngine(), PULL, TEN_MINUTES, "10.0.0.7");
        assertEquals("", vm.warningProperty().get());
        assertFalse(vm.canSubmitProperty().get(), "nothing changed yet");

        vm.urlProperty().set("https://backup.example/live.m3u8");
        assertTrue(vm.warningProperty().get().startsWith("Changing the source empties this stream's DVR: the 10 min"
                + " 00 s recorded from the current source are deleted"), vm.warningProperty().get());

        vm.urlProperty().set(PULL.source().uri());
        vm.dvrMinutesProperty().set(4);
        assertEquals("The DVR holds 10 min 00 s; a depth of 4 min drops the oldest 6 min 00 s at once.",
                vm.warningProperty().get());
    }

    @Test
    void engineRefusal_showsItsSentence_keepsTheFields_andClearsWhenTheEditorTypes() {
        FakeEngine engine = new FakeEngine();
        engine.refusal = "file /media/a.mp4 does not exist";
        StreamDialogViewModel vm = new StreamDialogViewModel(engine, null, null, "10.0.0.7");
        vm.nameProperty().set("Rehearsal");
        vm.kindProperty().set(SourceKind.FILE_LOOP);
        vm.fileProperty().set("/media/a.mp4");
        vm.submit();

        assertEquals("File /media/a.mp4 does not exist.", vm.problemProperty().get());
        assertNull(vm.resultProperty().get());
        assertEquals("/media/a.mp4", vm.fileProperty().get());
        assertEquals("Rehearsal", vm.nameProperty().get());
        vm.fileProperty().set("/media/b.mp4");
        assertEquals("", vm.problemProperty().get(), "the refusal was about the old path");
    }

    @Test
    void createdPushStream_offersItsUrlToPaste() {
        FakeEngine engine = new FakeEngine();
        StreamDialogViewModel vm = new StreamDialogViewModel(engine, null, null, "10.0.0.7");
        vm.nameProperty().set("Camera 1");
        vm.kindProperty().set(SourceKind.RTMP_PUSH);
        vm.submit();

        assertEquals(List.of(new StreamDraft("Camera 1", PushAddress.rtmp(0).spec(), true, 3600)), engine.asked);
        assertEquals("rtmp://10.0.0.7:1935/live/abcdefabcdef", vm.createdPushUrlProperty().get());
        assertFalse(vm.canSubmitProperty().get(), "created once");
    }
}
