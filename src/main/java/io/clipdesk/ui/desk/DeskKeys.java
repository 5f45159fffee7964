package io.clipdesk.ui.desk;

import io.clipdesk.ui.clipform.ClipFormViewModel;
import io.clipdesk.ui.clipform.TimecodeField;
import io.clipdesk.ui.form.Timecode;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The editor's keyboard, caught before any control sees it (a scene filter, so a stray focused control never eats
 * the desk's keys). Typing in a text field keeps its letters; Enter there still creates the clip (except in a mark
 * field, where it takes the typed time) and Esc leaves it. A control reached with Tab (a clip action, a check box,
 * the clips list) keeps the keys that operate it — Space, Enter and the arrows — and Esc hands the keyboard back to
 * the desk. Keys aimed at controls outside the desk (the stream switcher above it) and chords with Alt/Meta are
 * left to those controls; of the Ctrl chords the desk takes Ctrl+0 (fit the timeline).
 */
final class DeskKeys {

    /** The keys a focused control needs to be operated by keyboard alone. */
    private static final Set<KeyCode> CONTROL_KEYS = Set.of(KeyCode.SPACE, KeyCode.ENTER, KeyCode.UP, KeyCode.DOWN,
            KeyCode.LEFT, KeyCode.RIGHT, KeyCode.HOME, KeyCode.END, KeyCode.PAGE_UP, KeyCode.PAGE_DOWN);
    private static final double ZOOM_STEP = 1.5;

    private final MainViewModel vm;
    private final Runnable goLive;
    private final Node desk;
    private final DeskActions actions;
    private final EventHandler<KeyEvent> pressedFilter = this::pressed;
    private final EventHandler<KeyEvent> releasedFilter = this::released;
    private final EventHandler<KeyEvent> typedFilter = this::typed;
    /** K held down: L and J step a frame instead of shuttling (K+L, K+J). */
    private boolean kHeld;

    /** What the keys do beyond the view model: the timeline's zoom and the key map sheet. */
    interface DeskActions {
        void zoom(double factor);

        void fitTimeline();

        void showKeyMap();
    }

    DeskKeys(MainViewModel vm, Runnable goLive, Node desk, DeskActions actions) {
        this.vm = vm;
        this.goLive = goLive;
        this.desk = desk;
        this.actions = actions;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, pressedFilter);
        scene.addEventFilter(KeyEvent.KEY_RELEASED, releasedFilter);
        scene.addEventFilter(KeyEvent.KEY_TYPED, typedFilter);
    }

    /** A desk taken out of the window (another stream shown) must stop driving its closed player. */
    void uninstall(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, pressedFilter);
        scene.removeEventFilter(KeyEvent.KEY_RELEASED, releasedFilter);
        scene.removeEventFilter(KeyEvent.KEY_TYPED, typedFilter);
    }

    private void released(KeyEvent e) {
        if (e.getCode() == KeyCode.K) {
            kHeld = false;
        }
    }

    /** "?" is a character (Shift+/ on most layouts, another key elsewhere): read it as typed. */
    private void typed(KeyEvent e) {
        if ("?".equals(e.getCharacter()) && aimedAtDesk(e) && !(e.getTarget() instanceof TextInputControl)) {
            actions.showKeyMap();
            e.consume();
        }
    }

    private void pressed(KeyEvent e) {
        if (e.isAltDown() || e.isMetaDown() || !aimedAtDesk(e)) {
            return;
        }
        if (e.isShortcutDown()) {
            if (e.getCode() == KeyCode.DIGIT0 || e.getCode() == KeyCode.NUMPAD0) {
                actions.fitTimeline();
                e.consume();
            }
            return;
        }
        if (e.getCode() == KeyCode.TAB && e.getTarget() == desk) {
            // The desk itself is no stop of the Tab order: from it, Tab enters at its first control (Shift+Tab its
            // last), as from a window that just opened.
            List<Node> stops = new ArrayList<>();
            collectStops(desk, stops);
            if (!stops.isEmpty()) {
                stops.get(e.isShiftDown() ? stops.size() - 1 : 0).requestFocus();
                e.consume();
            }
            return;
        }
        boolean typing = e.getTarget() instanceof TextInputControl;
        if (e.getCode() == KeyCode.ESCAPE && (typing || operable(e.getTarget()))) {
            if (e.getTarget() instanceof TimecodeField field) {
                field.revert(); // leaving a mark field drops what was typed but not taken
            }
            desk.requestFocus();
            e.consume();
            return;
        }
        if (typing && e.getCode() == KeyCode.ENTER && e.getTarget() instanceof TimecodeField) {
            return; // the mark field takes the typed time
        }
        if (!typing && operable(e.getTarget()) && CONTROL_KEYS.contains(e.getCode())) {
            return; // Space, Enter, arrows operate the focused control
        }
        if (handled(e.getCode(), e.isShiftDown(), typing)) {
            e.consume();
        }
    }

    private static void collectStops(Node node, List<Node> stops) {
        if (!node.isVisible() || node.isDisabled()) {
            return;
        }
        if (node.isFocusTraversable()) {
            stops.add(node);
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectStops(child, stops);
            }
        }
    }

    /** A control the editor reached with Tab and operates with Space, Enter or the arrows. */
    private static boolean operable(Object target) {
        return target instanceof ButtonBase || target instanceof ListView<?> || target instanceof ComboBoxBase<?>
                || target instanceof Slider || target instanceof TabPane
                || target instanceof Control c && c.getStyleClass().contains("operable");
    }

    /** At the desk, or at no control in particular (the window's root holds the focus). */
    private boolean aimedAtDesk(KeyEvent e) {
        if (!(e.getTarget() instanceof Node target) || target.getScene() == null || target == target.getScene().getRoot()) {
            return true;
        }
        for (Node n = target; n != null; n = n.getParent()) {
            if (n == desk) {
                return true;
            }
        }
        return false;
    }

    private boolean handled(KeyCode code, boolean shift, boolean typing) {
        PlaybackViewModel p = vm.playback();
        ClipFormViewModel form = vm.form();
        if (code.isFunctionKey() && code.ordinal() <= KeyCode.F8.ordinal() && code.ordinal() >= KeyCode.F1.ordinal()) {
            vm.quickMarker(code.ordinal() - KeyCode.F1.ordinal() + 1);
            return true;
        }
        if (code == KeyCode.ENTER) {
            form.create();
            return true;
        }
        if (typing) {
            return false;
        }
        switch (code) {
            case I -> {
                if (shift) {
                    form.markToGoTo(ClipFormViewModel.Side.IN).ifPresent(p::seek);
                } else {
                    form.markIn();
                }
            }
            case O -> {
                if (shift) {
                    form.markToGoTo(ClipFormViewModel.Side.OUT).ifPresent(p::seek);
                } else {
                    form.markOut();
                }
            }
            case OPEN_BRACKET -> form.nudge(shift ? -1000 : -Timecode.FRAME_MS);
            case CLOSE_BRACKET -> form.nudge(shift ? 1000 : Timecode.FRAME_MS);
            case ESCAPE -> form.clearMarks();
            case SPACE -> p.togglePlay();
            case K -> {
                if (!kHeld) { // a held key repeats: one toggle per press
                    kHeld = true;
                    p.togglePlay();
                }
            }
            case J -> {
                if (kHeld) {
                    p.stepFrames(-1);
                } else {
                    p.shuttle(false);
                }
            }
            case L -> {
                if (kHeld) {
                    p.stepFrames(1);
                } else if (shift) {
                    p.slower();
                } else {
                    p.shuttle(true);
                }
            }
            case M -> p.toggleMute();
            case A -> {
                // The marks come back to the timeline: the editor works them at the desk, where Enter applies
                // (Enter on the clips list would operate the list instead).
                vm.adjustSelected();
                desk.requestFocus();
            }
            case LEFT -> p.skip(shift ? -10_000 : -1_000);
            case RIGHT -> p.skip(shift ? 10_000 : 1_000);
            case COMMA -> p.stepFrames(-1);
            case PERIOD -> p.stepFrames(1);
            case END -> goLive.run();
            case PLUS, ADD, EQUALS -> actions.zoom(1 / ZOOM_STEP);
            case MINUS, SUBTRACT -> actions.zoom(ZOOM_STEP);
            case DIGIT3, NUMPAD3 -> form.createLast(30);
            case DIGIT6, NUMPAD6 -> form.createLast(60);
            case DIGIT9, NUMPAD9 -> form.createLast(90);
            default -> {
                return false;
            }
        }
        return true;
    }
}
