package io.clipdesk.ui.clipform;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipAccuracy;
import io.clipdesk.engine.clip.ClipPlan;
import io.clipdesk.engine.clip.ClipPolicy;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.clip.ExactRange;
import io.clipdesk.engine.dvr.DvrWindow;
import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.ui.form.FormMessage;
import io.clipdesk.ui.form.Timecode;
import io.clipdesk.ui.quick.QuickMarker;
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
        assertEquals(problem, vm.getNotice());
        assertEquals(FormMessage.Kind.WARNING, vm.messageProperty().get().kind(), "a refusal is a warning");
    }

    @Test
    void create_marksReachingBeforeTheDvrTail_makeTheClipOfWhatTheDvrHolds() {
        vm.editMarks(new Marks(DVR_START_MS - 20_000, DVR_START_MS + 10_000));
        assertEquals("", vm.problemProperty().get());
        vm.create();
        assertEquals(1, sent.size());
        assertTrue(vm.getNotice().contains("0:10.0 from 14:36:40:00"), vm.getNotice());
        assertTrue(vm.getNotice().contains("the first 0:20.0 asked for were cut"), vm.getNotice());
        assertEquals(FormMessage.Kind.WARNING, vm.messageProperty().get().kind());
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
        assertTrue(vm.exactCutProperty().get(), "exact by default");
        vm.setExactCut(false);
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
    void exactCut_sendsTheMarksMsRange_insideTheCoveringSeconds_andLastNsEndsAtThePicture() {
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
        assertEquals(Optional.of(new ExactRange(playhead.get() - 30_000, playhead.get())), sent.get(1).exactRange(),
                "last 30 s: exactly 30 s up to the picture on screen");
    }

    @Test
    void exactCutOff_sendsNoMsRange() {
        vm.setExactCut(false);
        vm.editMarks(new Marks(NOW_MS - 20_000 + 520, NOW_MS - 10_000 + 280));
        vm.create();

        assertEquals(ClipAccuracy.SEGMENT, sent.get(0).accuracy());
        assertEquals(Optional.empty(), sent.get(0).exactRange());
    }

    @Test
    void createLast_thirtySeconds_endsAtThePictureOnScreen_notTheLiveEdge() {
        playhead.set(NOW_MS - 60_000 + 440);
        vm.setExactCut(false);
        vm.createLast(30);
        ClipRequest r = sent.get(0);
        assertEquals(30, r.durationS());
        assertEquals((NOW_MS - 60_000) / 1000, r.startS().getAsLong() + r.durationS(), "ends at the shown second");
        assertTrue(r.name().startsWith("Last 30 s 14:45:40"), r.name());
    }

    @Test
    void createLast_reachingPastTheDvrTail_isClippedToWhatItHolds_andTheNoticeSaysHowMuch() {
        playhead.set(DVR_START_MS + 42_000);
        vm.createLast(90);
        ClipRequest r = sent.get(0);
        assertEquals(Optional.of(new ExactRange(DVR_START_MS, DVR_START_MS + 42_000)), r.exactRange());
        assertEquals(FormMessage.Kind.WARNING, vm.messageProperty().get().kind());
        assertTrue(vm.getNotice().contains("0:42.0 from 14:36:40:00"), vm.getNotice());
        assertTrue(vm.getNotice().contains("The DVR holds only the part from 14:36:40:00: the first 0:48.0 asked for"
                + " were cut."), vm.getNotice());
    }

    @Test
    void typedMarks_takeFramesOrMilliseconds_onTheDayNearestThePicture() {
        playhead.set(NOW_MS - 60_000); // 14:45:40 UTC
        assertTrue(vm.typeMark(ClipFormViewModel.Side.IN, "14:45:30.12"));
        assertTrue(vm.typeMark(ClipFormViewModel.Side.OUT, "14:45:33.620"));
        assertEquals(NOW_MS - 70_000 + 12 * 40, vm.getMarks().inMs(), "two digits are frames at 25 fps");
        assertEquals(NOW_MS - 70_000 + 3_620, vm.getMarks().outMs(), "three digits are milliseconds");
        assertEquals("14:45:30:12", vm.inTextProperty().get());
        assertEquals("0:03.1", vm.durationTextProperty().get(), "exact: the marks, to the tenth");
        assertEquals("14:45:30:12", vm.startTextProperty().get());
    }

    @Test
    void typedMark_thatIsNoTime_isRefusedInTheWarningColour_andTheMessageClearsWhenTheInputChanges() {
        vm.editMarks(new Marks(NOW_MS - 20_000, NOW_MS - 10_000));
        assertFalse(vm.typeMark(ClipFormViewModel.Side.IN, "14:61"));
        assertEquals(FormMessage.Kind.WARNING, vm.messageProperty().get().kind());
        assertTrue(vm.messageProperty().get().text().startsWith("“14:61” is not a time of day"));
        assertEquals(NOW_MS - 20_000, vm.getMarks().inMs(), "the mark stays");
        vm.inputChanged();
        assertEquals(FormMessage.NONE, vm.messageProperty().get(), "valid marks, nothing to say");
        vm.create();
        assertEquals(FormMessage.Kind.DONE, vm.messageProperty().get().kind(), "created: an outcome, not a warning");
        vm.markIn();
        assertEquals(FormMessage.Kind.HINT, vm.messageProperty().get().kind(), "the outcome went with the input");
        assertTrue(vm.messageProperty().get().text().contains("out point"));
    }

    @Test
    void nudge_movesTheLastSetMark_byAFrame_orASecond() {
        playhead.set(NOW_MS - 30_000);
        vm.markIn();
        vm.nudge(Timecode.FRAME_MS);
        assertEquals(NOW_MS - 30_000 + 40, vm.getMarks().inMs());
        playhead.set(NOW_MS - 20_000);
        vm.markOut();
        vm.nudge(-1000);
        assertEquals(NOW_MS - 21_000, vm.getMarks().outMs(), "the out mark was set last");
        assertEquals(NOW_MS - 30_000 + 40, vm.getMarks().inMs());
        assertEquals(Optional.of(NOW_MS - 30_000 + 40), vm.markToGoTo(ClipFormViewModel.Side.IN));
        vm.nudge(-40);
        assertEquals(NOW_MS - 30_000, vm.getMarks().inMs(), "go to in makes the in mark the one nudged");
    }

    @Test
    void listedStartAndDuration_areWhatEachCutModeDelivers() {
        // 2 s segments from the DVR's start; marks 14:45:31.52–14:45:34.62.
        List<io.clipdesk.engine.dvr.Segment> list = new ArrayList<>();
        for (long t = DVR_START_MS, seq = 0; t < NOW_MS - 2000; t += 2000, seq++) {
            list.add(new io.clipdesk.engine.dvr.Segment(1, seq, t, 2_000_000, false));
        }
        SimpleObjectProperty<io.clipdesk.ui.dvr.SegmentIndex> segments =
                new SimpleObjectProperty<>(io.clipdesk.ui.dvr.SegmentIndex.of(list));
        ClipFormViewModel withDvr = new ClipFormViewModel(this::accept, UTC, streamProp, window, now, playhead,
                segments, 2000);
        withDvr.editMarks(new Marks(NOW_MS - 68_480, NOW_MS - 65_380));
        assertEquals("0:03.1", withDvr.durationTextProperty().get());
        assertEquals("14:45:31:13", withDvr.startTextProperty().get());
        withDvr.setExactCut(false);
        // Seconds 31–35 are asked; the 2 s segments over them run 30–36.
        assertEquals("14:45:30:00", withDvr.startTextProperty().get());
        assertEquals("0:06.0", withDvr.durationTextProperty().get());
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
