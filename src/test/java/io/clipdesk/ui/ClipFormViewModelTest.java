package io.clipdesk.ui;

import io.clipdesk.engine.Clip;
import io.clipdesk.engine.ClipAccuracy;
import io.clipdesk.engine.ClipPlan;
import io.clipdesk.engine.ClipPolicy;
import io.clipdesk.engine.ClipRequest;
import io.clipdesk.engine.ClipStatus;
import io.clipdesk.engine.DvrWindow;
import io.clipdesk.engine.ExactRange;
import io.clipdesk.engine.LiveStream;
import io.clipdesk.engine.Rendition;
import io.clipdesk.engine.SourceSpec;
import io.clipdesk.ui.timeline.Marks;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClipFormViewModelTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    /** 2024-05-24 14:46:40 UTC. */
    private static final long NOW_MS = 1_716_562_000_000L;
    private static final long DVR_START_MS = NOW_MS - 600_000;

    private final LiveStream stream = new LiveStream(1, "Test", SourceSpec.TEST_SIGNAL, true, 3600, "key",
            0, Rendition.DEFAULT_LADDER);
    private final SimpleObjectProperty<LiveStream> streamProp = new SimpleObjectProperty<>(stream);
    private final SimpleObjectProperty<DvrWindow> window = new SimpleObjectProperty<>(new DvrWindow(DVR_START_MS, NOW_MS - 1500));
    private final SimpleLongProperty now = new SimpleLongProperty(NOW_MS);
    private final SimpleLongProperty playhead = new SimpleLongProperty(NOW_MS - 60_000);
    private final List<ClipRequest> sent = new ArrayList<>();
    private final ClipFormViewModel vm = new ClipFormViewModel(this::accept, UTC, streamProp, window, now, playhead);

    private void accept(ClipRequest request, java.util.function.Consumer<Clip> onCreated,
                        java.util.function.Consumer<RuntimeException> onFailure) {
        sent.add(request);
        ClipPlan plan = ClipPolicy.plan(request, streamProp.get(), window.get(), now.get(), UTC);
        onCreated.accept(new Clip("abcdefabcdef", 1, request.name().isEmpty() ? "Clip" : request.name(),
                plan.startS(), (int) plan.durationS(), plan.expirationS(), NOW_MS,
                request.vodRequired(), 0, List.of(), ClipStatus.RECORDING, "", 0, 0, ClipAccuracy.SEGMENT));
    }

    @Test
    void problem_withoutMarks_asksForAnInPoint_andCreateIsDisabled() {
        assertTrue(vm.problemProperty().get().contains("in point"));
        assertFalse(vm.canCreateProperty().get());
        vm.create();
        assertTrue(sent.isEmpty());
    }

    @Test
    void create_inAndOutAtThePlayhead_sendsWholeSecondsCoveringTheMarks() {
        playhead.set(NOW_MS - 60_400);
        vm.markIn();
        playhead.set(NOW_MS - 30_200);
        vm.markOut();
        assertEquals("", vm.problemProperty().get());
        assertTrue(vm.canCreateProperty().get());

        vm.create();

        assertEquals(1, sent.size());
        ClipRequest r = sent.get(0);
        assertEquals((NOW_MS - 61_000) / 1000, r.startS().getAsLong());
        assertEquals(31, r.durationS());
        assertEquals(OptionalLong.of(3600), r.lifeS(), "an hour once available, counted by the engine");
        assertEquals(OptionalLong.empty(), r.expirationS());
        assertEquals(Marks.CLEARED, vm.getMarks(), "marks are cleared for the next clip");
    }

    @Test
    void problem_outBeforeIn_saysSo() {
        vm.markIn();
        playhead.set(playhead.get() - 5000);
        vm.markOut();
        assertEquals("The out point must be after the in point.", vm.problemProperty().get());
        assertFalse(vm.canCreateProperty().get());
    }

    @Test
    void problem_marksWhollyBeforeTheDvrTail_nameTheWindowInLocalTime_andNothingIsCreated() {
        vm.editMarks(new Marks(DVR_START_MS - 20_000, DVR_START_MS - 10_000));
        String problem = vm.problemProperty().get();
        assertTrue(problem.startsWith("Start 14:36:20 + duration 10 s ends at 14:36:30, before the DVR window"
                + " 14:36:40–"), problem);
        assertFalse(vm.canCreateProperty().get());
        vm.create();
        assertTrue(sent.isEmpty());
        assertEquals(problem, vm.noticeProperty().get());
    }

    @Test
    void create_marksReachingBeforeTheDvrTail_makeTheClipOfWhatTheDvrHolds() {
        vm.editMarks(new Marks(DVR_START_MS - 20_000, DVR_START_MS + 10_000));
        assertEquals("", vm.problemProperty().get());
        vm.create();
        assertEquals(1, sent.size());
        assertTrue(vm.noticeProperty().get().contains("00:00:10 from 14:36:40"), vm.noticeProperty().get());
    }

    @Test
    void problem_durationOverTheStreamsDvrLength_isExplained() {
        streamProp.set(stream.withDvr(true, 60));
        vm.editMarks(new Marks(NOW_MS - 300_000, NOW_MS - 100_000));
        assertTrue(vm.problemProperty().get().startsWith("Duration 200 s is outside the allowed range 1–60 s"),
                vm.problemProperty().get());
    }

    @Test
    void problem_movesWithTheDvrWindow_asTheTailRollsPastTheIn() {
        vm.editMarks(new Marks(DVR_START_MS + 5_000, DVR_START_MS + 15_000));
        assertTrue(vm.canCreateProperty().get());
        window.set(new DvrWindow(DVR_START_MS + 10_000, NOW_MS));
        assertTrue(vm.canCreateProperty().get(), "the part still in the DVR can be clipped");
        window.set(new DvrWindow(DVR_START_MS + 15_000, NOW_MS));
        assertFalse(vm.canCreateProperty().get());
    }

    @Test
    void expiryAndVod_goIntoTheRequest() {
        vm.editMarks(new Marks(NOW_MS - 20_000, NOW_MS - 10_000));
        vm.setExpiry(Duration.ofMinutes(5));
        vm.setKeepVod(true);
        vm.setName("Penalty");
        vm.create();
        ClipRequest r = sent.get(0);
        assertEquals(OptionalLong.of(300), r.lifeS());
        assertTrue(r.vodRequired());
        assertEquals("Penalty", r.name());
    }

    @Test
    void exactCut_asksForFrameAccuracy_forMarksAndQuickClips_andSegmentOtherwise() {
        vm.editMarks(new Marks(NOW_MS - 20_000, NOW_MS - 10_000));
        vm.create();
        assertEquals(ClipAccuracy.SEGMENT, sent.get(0).accuracy());
        vm.setExactCut(true);
        vm.editMarks(new Marks(NOW_MS - 20_000, NOW_MS - 10_000));
        vm.create();
        vm.createLast(30);
        assertEquals(ClipAccuracy.FRAME, sent.get(1).accuracy());
        assertEquals(ClipAccuracy.FRAME, sent.get(2).accuracy());
    }

    @Test
    void exactCut_sendsTheMarksMsRange_insideTheCoveringSeconds_andQuickClipsStayOnSeconds() {
        // In at frame 13 of its second (25 fps), out at frame 7 of a later one.
        long inMs = NOW_MS - 20_000 + 520;
        long outMs = NOW_MS - 10_000 + 280;
        vm.setExactCut(true);
        vm.editMarks(new Marks(inMs, outMs));
        vm.create();
        vm.createLast(30);

        ClipRequest marked = sent.get(0);
        assertEquals(ClipAccuracy.FRAME, marked.accuracy());
        assertEquals(Optional.of(new ExactRange(inMs, outMs)), marked.exactRange());
        assertEquals((NOW_MS - 20_000) / 1000, marked.startS().getAsLong(), "the API's seconds still cover the marks");
        assertEquals(11, marked.durationS());
        assertEquals(ClipAccuracy.FRAME, sent.get(1).accuracy());
        assertEquals(Optional.empty(), sent.get(1).exactRange(), "last 30 s is whole seconds already");
    }

    @Test
    void exactCutOff_sendsNoMsRange() {
        vm.editMarks(new Marks(NOW_MS - 20_000 + 520, NOW_MS - 10_000 + 280));
        vm.create();

        assertEquals(ClipAccuracy.SEGMENT, sent.get(0).accuracy());
        assertEquals(Optional.empty(), sent.get(0).exactRange());
    }

    @Test
    void createLast_thirtySeconds_endsAtTheLiveEdge() {
        vm.createLast(30);
        ClipRequest r = sent.get(0);
        assertEquals(30, r.durationS());
        long endMs = (r.startS().getAsLong() + r.durationS()) * 1000;
        assertTrue(Math.abs(endMs - window.get().endMs()) <= 1000, "ends at the live edge");
        assertTrue(r.name().startsWith("Last 30 s"));
    }

    @Test
    void createAround_quickMarker_keepsItsRollsAroundThePlayhead_andItsLabelInNameAndTags() {
        playhead.set(NOW_MS - 100_000);
        vm.createAround(new QuickMarker("Goal", 20, 10));
        ClipRequest r = sent.get(0);
        assertEquals((NOW_MS - 120_000) / 1000, r.startS().getAsLong());
        assertEquals(30, r.durationS());
        assertTrue(r.name().startsWith("Goal 14:45:00"), r.name());
        assertEquals(List.of("Goal"), r.description().tags());
    }

    @Test
    void defaultName_followsTheInPoint() {
        vm.editMarks(new Marks(NOW_MS - 1500, Marks.NONE));
        assertEquals("Clip 14:46:38", vm.defaultNameProperty().get());
    }
}
