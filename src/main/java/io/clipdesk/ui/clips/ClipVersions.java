package io.clipdesk.ui.clips;

import io.clipdesk.desk.Capabilities;
import io.clipdesk.desk.DeskBackend;
import io.clipdesk.engine.NotFoundException;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.dvr.FrameDecoder;
import io.clipdesk.engine.reframe.CropPath;
import io.clipdesk.engine.reframe.Reframe;
import io.clipdesk.engine.reframe.ReframeAspect;
import io.clipdesk.engine.stream.Rendition;
import io.clipdesk.ui.threads.EngineLane;
import io.clipdesk.ui.threads.FxBridge;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The selected clip's social versions: made from a still of the clip the reframe window is placed on, and shown
 * under the list in words with the bar of the one being made, read each second while one is.
 */
final class ClipVersions {

    private final DeskBackend engine;
    private final EngineLane lane;
    private final FxBridge bridge;
    private final PanelNotice notice;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "reframesText", "");
    /** The version being made for the selected clip, 0–1; -1 when none is. */
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "reframeProgress", -1);
    /** The clip whose versions the poll reads (the selection, kept here for the worker). */
    private volatile Clip watched;
    /** Whether a version of the watched clip is queued or being made (the worker then reads its progress). */
    private volatile boolean reframing;
    private volatile FrameDecoder decoder;

    /** The versions of one clip as read on the worker. */
    record Read(Clip of, List<Reframe> versions) {
    }

    ClipVersions(DeskBackend engine, EngineLane lane, FxBridge bridge, PanelNotice notice) {
        this.engine = engine;
        this.lane = lane;
        this.bridge = bridge;
        this.notice = notice;
    }

    void setFrameDecoder(FrameDecoder decoder) {
        this.decoder = decoder;
    }

    /** The selection changed (FX thread): its versions are read from now on. */
    void watch(Clip clip) {
        watched = clip;
        text.set("");
        progress.set(-1);
    }

    /** Worker thread: the watched clip's versions, none where the backend makes none. */
    Read read() {
        Clip shown = watched;
        List<Reframe> versions = shown == null || !engine.capabilities().can(Capabilities.Feature.REFRAME)
                ? List.of() : versionsOf(shown);
        reframing = versions.stream().anyMatch(r -> r.status().inFlight());
        return new Read(shown, versions);
    }

    /** Worker thread: while a version of the selected clip is being made, its progress each second. */
    void pollProgress(Consumer<Read> onFx) {
        Clip shown = watched;
        if (shown != null && reframing) {
            List<Reframe> versions = versionsOf(shown);
            reframing = versions.stream().anyMatch(r -> r.status().inFlight());
            bridge.run(() -> onFx.accept(new Read(shown, versions)));
        }
    }

    private List<Reframe> versionsOf(Clip clip) {
        try {
            return engine.reframes(clip.id());
        } catch (NotFoundException gone) {
            return List.of();
        }
    }

    /** "9:16 ready · 1:1 encoding 40 %" under the list, with the bar of the one being made; FX thread. */
    void show(Read read, ClipItem selected) {
        if (selected == null || read.of() == null || !selected.id().equals(read.of().id())) {
            return;
        }
        text.set(read.versions().stream().map(r -> r.aspect().wire() + " " + switch (r.status()) {
            case QUEUED -> "waiting";
            case ENCODING -> "encoding " + Math.round(r.progress() * 100) + " %";
            case READY -> "ready";
            case FAILED -> "failed: " + r.error();
        }).collect(Collectors.joining(" · ")));
        progress.set(read.versions().stream().filter(r -> r.status().inFlight()).mapToDouble(Reframe::progress)
                .findFirst().orElse(-1));
    }

    /** A still of the clip for the reframe window (worker thread): its first segment's picture at ½ s. */
    void still(ClipItem item, int maxWidth, Consumer<ClipStill> onStill) {
        Clip clip = item.getClip();
        FrameDecoder decoder = this.decoder;
        lane.call(() -> {
            Rendition top = engine.stream(clip.streamId()).renditions().stream()
                    .filter(r -> clip.renditions().contains(r.name()))
                    .max(Comparator.comparingInt(Rendition::height)).orElseThrow(() ->
                            new NotFoundException("the clip's picture size is unknown"));
            int width = Math.min(maxWidth, top.width()) & ~1;
            int height = (int) ((long) width * top.height() / top.width()) & ~1;
            int[] argb = new int[width * height];
            if (decoder != null) {
                try (FrameDecoder.Cursor cursor = decoder.open(engine.clipSegment(clip, top.name(), 0), width,
                        height)) {
                    cursor.seek(500_000, argb);
                }
            }
            return new ClipStill(top.width(), top.height(), width, height, argb, decoder != null);
        }, onStill, notice::failed);
    }

    /** Queues a social version; {@code pollNow} reads its progress at once. */
    void reframe(ClipItem item, ReframeAspect aspect, CropPath crop, Runnable pollNow) {
        if (!engine.capabilities().can(Capabilities.Feature.REFRAME)) {
            notice.set(engine.capabilities().whyNot(Capabilities.Feature.REFRAME).orElseThrow());
            return;
        }
        lane.call(() -> engine.reframeClip(item.id(), aspect, crop), queued -> {
            notice.set("Making the " + aspect.wire() + " version of " + item.getClip().name() + ".");
            reframing = true;
            lane.run(pollNow);
        }, notice::failed);
    }

    ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
