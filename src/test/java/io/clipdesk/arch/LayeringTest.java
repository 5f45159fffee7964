package io.clipdesk.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layering of ARCHITECTURE.md: the engine depends on nothing but the JDK; ui and api never meet. */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clipdesk");

    @Test
    void engine_importsNoUiSqlHttpOrFfmpeg() {
        noClasses().that().resideInAPackage("io.clipdesk.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                        "com.sun.net.httpserver..", "io.netty..", "java.net.http..", "org.bytedeco..", "org.sqlite..",
                        "com.fasterxml.jackson.databind..")
                .because("the engine holds the rules and must be testable and reusable without UI, SQL, HTTP or FFmpeg")
                .check(MAIN);
    }

    @Test
    void engine_dependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("io.clipdesk.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clipdesk.media..", "io.clipdesk.store..",
                        "io.clipdesk.api..", "io.clipdesk.client..", "io.clipdesk.ui..", "io.clipdesk.app..",
                        "io.clipdesk.desk..", "io.clipdesk.transport..")
                .because("outer layers implement the engine's ports, never the other way round")
                .check(MAIN);
    }

    /**
     * What the desk may know of the engine: values (records and enums with units in their names), stateless rules the
     * desk checks marks against before asking, the engine's exceptions, and the decoder and listener ports. Never a
     * service, the engine itself, its data layout or its files: the same desk must drive a remote server.
     */
    private static final Set<String> DESK_VISIBLE_ENGINE_TYPES = Set.of(
            // values, named from the engine's root package
            "clip.Clip", "clip.ClipAccuracy", "clip.ClipDescription", "clip.ClipPhase", "clip.ClipPlan",
            "clip.ClipRequest", "clip.ClipStatus", "clip.ExactRange",
            "stream.LiveStream", "stream.PushAddress", "stream.Rendition", "stream.SourceHealth", "stream.SourceKind",
            "stream.SourceSpec", "stream.StreamDraft", "stream.StreamPatch", "stream.StreamState",
            "dvr.DvrWindow", "dvr.Segment", "dvr.SegmentMedia", "storage.DiskStatus", "sound.AudioEnvelope",
            "video.Video", "video.VideoStatus", "change.ChangeEvent", "change.ChangeType",
            "reframe.Reframe", "reframe.ReframeAspect", "reframe.ReframeStatus", "reframe.CropPath",
            // the bytes of the segment being written, read as they grow: media like SegmentMedia, not a service
            "dvr.LiveSegment",
            // delivery values: destinations, receipts, auto-send rules
            "delivery.Destination", "delivery.DestinationKind", "delivery.Delivery", "delivery.DeliveryStatus",
            "delivery.AutoSend",
            // stateless rules (CropWindow: the desk draws the crop window as the encoder will cut it)
            "clip.ClipPolicy", "clip.ClipLifecycle", "dvr.DvrGaps", "sound.WaveformRange", "reframe.CropWindow",
            // exceptions
            "clip.ClipRejectedException", "InvalidRequestException", "MediaException", "NotFoundException",
            "TooEarlyException", "InsufficientStorageException",
            // ports the desk is handed: the decoder (implemented in media) and DVR/health change listening
            "dvr.FrameDecoder", "sound.SoundDecoder", "dvr.SegmentListener");

    /** The desk port's own view of the engine: the desk's types plus the media URL layout it builds links with. */
    private static final Set<String> PORT_VISIBLE_ENGINE_TYPES =
            union(DESK_VISIBLE_ENGINE_TYPES, Set.of("storage.MediaPaths"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static DescribedPredicate<JavaClass> engineTypeOutside(Set<String> allowed) {
        return new DescribedPredicate<>("engine types other than " + new java.util.TreeSet<>(allowed)) {
            @Override
            public boolean test(JavaClass c) {
                if (!c.getPackageName().equals("io.clipdesk.engine")
                        && !c.getPackageName().startsWith("io.clipdesk.engine.")) {
                    return false;
                }
                // Named from the engine's root, so a value of a sub-package is allowed as "delivery.Destination".
                String top = c.getName().substring("io.clipdesk.engine.".length()).split("\\$")[0];
                return !allowed.contains(top);
            }
        };
    }

    @Test
    void ui_seesOnlyTheDeskPortAndEngineValues() {
        noClasses().that().resideInAPackage("io.clipdesk.ui..")
                .should().dependOnClassesThat(engineTypeOutside(DESK_VISIBLE_ENGINE_TYPES))
                .because("the desk drives the embedded engine and a remote server alike through io.clipdesk.desk: "
                        + "no ClipEngine, no engine service, no DataLayout or DVR file path in ui")
                .check(MAIN);
    }

    @Test
    void ui_touchesNoStoreNoMediaNoClient() {
        noClasses().that().resideInAPackage("io.clipdesk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clipdesk.store..", "io.clipdesk.media..",
                        "io.clipdesk.client..", "io.clipdesk.api..", "io.clipdesk.app..", "java.sql..",
                        "org.bytedeco..")
                .because("the desk reaches storage and the network only through its backend, and decodes only through "
                        + "the FrameDecoder interface the app hands it")
                .check(MAIN);
    }

    @Test
    void deskPort_dependsOnEngineValuesOnly() {
        noClasses().that().resideInAPackage("io.clipdesk.desk..")
                .should().dependOnClassesThat(engineTypeOutside(PORT_VISIBLE_ENGINE_TYPES))
                .because("the port is what a remote backend implements too: it names values, never the engine's "
                        + "services or files")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.clipdesk.desk..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clipdesk.media..", "io.clipdesk.store..",
                        "io.clipdesk.api..", "io.clipdesk.client..", "io.clipdesk.ui..", "io.clipdesk.app..",
                        "javafx..", "java.net.http..", "io.netty..", "com.fasterxml..")
                .because("the port sits between the desk and its backends and knows neither")
                .check(MAIN);
    }

    @Test
    void adapters_dependOnlyOnEngine() {
        for (String layer : new String[] {"media", "store", "api", "client", "ui", "transport"}) {
            String[] others = java.util.stream.Stream.of("media", "store", "api", "client", "ui", "app", "transport")
                    .filter(o -> !o.equals(layer)).map(o -> "io.clipdesk." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.clipdesk." + layer + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("adapters meet only in app, the composition root (the desk port, io.clipdesk.desk, is "
                        + "shared like the engine's)")
                    .allowEmptyShould(true)
                    .check(MAIN);
        }
    }

    @Test
    void onlyUiAndApp_useJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.clipdesk.ui..", "io.clipdesk.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("JavaFX belongs to the desktop UI; the headless server must run without it")
                .check(MAIN);
    }

    @Test
    void onlyMedia_usesFfmpeg() {
        noClasses().that().resideOutsideOfPackages("io.clipdesk.media..", "io.clipdesk.app..")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("one media toolkit behind the media adapters")
                .check(MAIN);
    }

    @Test
    void onlyStore_usesSql() {
        noClasses().that().resideOutsideOfPackages("io.clipdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("SQLite has one gatekeeper, store.Database")
                .check(MAIN);
    }

    @Test
    void media_subPackagesFormLayers() {
        slices().matching("io.clipdesk.media.(*)..").should().beFreeOfCycles()
                .because("media's concepts build on each other: sources feed ingest, ingest writes segments and "
                        + "thumbnails, clips and reframes read segments; none reaches back")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.clipdesk.media")
                .should().dependOnClassesThat().resideInAnyPackage("io.clipdesk.media.*..")
                .because("the media root holds what every media concept shares (the FFmpeg runtime, its errors and "
                        + "log, the encoder, durable files) and so knows none of them")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("io.clipdesk.media.segment..", "io.clipdesk.media.thumbnail..",
                        "io.clipdesk.media.decode..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clipdesk.media.source..",
                        "io.clipdesk.media.ingest..", "io.clipdesk.media.testsignal..", "io.clipdesk.media.clip..",
                        "io.clipdesk.media.reframe..")
                .because("segment files, thumbnails and the desk's decoders are read and written by the other "
                        + "concepts, never the other way round")
                .check(MAIN);
        noClasses().that().resideInAPackage("io.clipdesk.media.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clipdesk.media.source..",
                        "io.clipdesk.media.testsignal..", "io.clipdesk.media.clip..", "io.clipdesk.media.reframe..",
                        "io.clipdesk.media.decode..")
                .because("ingest turns any source's packets into DVR segments; the sources and test signal feed it")
                .check(MAIN);
    }

    @Test
    void api_resourcesBuildOnHttp() {
        slices().matching("io.clipdesk.api.(*)..").should().beFreeOfCycles()
                .because("each resource (streams, clips, videos, events, health, media files) builds on the HTTP "
                        + "layer and the wire formats; none reaches back")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("io.clipdesk.api.*..")
                .should().dependOnClassesThat().resideInAPackage("io.clipdesk.api")
                .because("the api root assembles the server from its parts and is used by none of them")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("io.clipdesk.api.http..", "io.clipdesk.api.wire..",
                        "io.clipdesk.api.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clipdesk.api.streams..",
                        "io.clipdesk.api.clips..", "io.clipdesk.api.videos..", "io.clipdesk.api.events..",
                        "io.clipdesk.api.health..", "io.clipdesk.api.files..")
                .because("the HTTP layer, wire formats and key serve every resource and know none")
                .check(MAIN);
    }

    @Test
    void ui_subPackagesFormLayers() {
        slices().matching("io.clipdesk.ui.(*)..").should().beFreeOfCycles()
                .because("the desk's parts (player, timeline, clip form, clips, streams, deliveries) build on each "
                        + "other in one direction")
                .check(MAIN);
        noClasses().that().resideInAnyPackage("io.clipdesk.ui.*..")
                .should().dependOnClassesThat().resideInAPackage("io.clipdesk.ui")
                .because("the ui root is the window that assembles the desks and panels; none of them knows it")
                .check(MAIN);
        for (String base : new String[] {"threads", "theme", "form"}) {
            String own = "io.clipdesk.ui." + base + "..";
            noClasses().that().resideInAPackage(own)
                    .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.clipdesk.ui..")
                            .and(JavaClass.Predicates.resideOutsideOfPackage(own)))
                    .because("threads, the theme and form wording serve every view and know none")
                    .check(MAIN);
        }
    }

    @Test
    void engine_changeLogKnowsNoOtherConcept() {
        noClasses().that().resideInAPackage("io.clipdesk.engine.change..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.clipdesk.engine.*..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("io.clipdesk.engine.change..")))
                .because("every concept publishes its changes, so the change log depends on none of them (the "
                        + "engine's sub-packages still have cycles: clip-video, dvr-stream, dvr-sound and storage "
                        + "with most; this keeps change out of them)")
                .check(MAIN);
    }
}
