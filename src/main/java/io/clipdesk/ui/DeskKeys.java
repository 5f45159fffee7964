package io.clipdesk.ui;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The editor's keyboard, caught before any control sees it (a scene filter, so a focused button never eats
 * Space). Typing in a text field keeps its letters; Enter there still creates the clip and Esc leaves it. Keys
 * aimed at controls outside the desk (the stream switcher above it) and chords with Ctrl/Alt/Meta are left to
 * those controls and the scene's accelerators.
 */
final class DeskKeys {

    private final MainViewModel vm;
    private final Runnable goLive;
    private final Node desk;
    private final EventHandler<KeyEvent> filter = this::pressed;

    DeskKeys(MainViewModel vm, Runnable goLive, Node desk) {
        this.vm = vm;
        this.goLive = goLive;
        this.desk = desk;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    /** A desk taken out of the window (another stream shown) must stop driving its closed player. */
    void uninstall(Scene scene) {
        scene.removeEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    private void pressed(KeyEvent e) {
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || !aimedAtDesk(e)) {
            return;
        }
        boolean typing = e.getTarget() instanceof TextInputControl;
        if (typing && e.getCode() == KeyCode.ESCAPE) {
            scene(e).getRoot().requestFocus();
            e.consume();
            return;
        }
        if (handled(e.getCode(), e.isShiftDown(), typing)) {
            e.consume();
        }
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

    private static Scene scene(KeyEvent e) {
        return ((javafx.scene.Node) e.getTarget()).getScene();
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
            case I -> form.markIn();
            case O -> form.markOut();
            case ESCAPE -> form.clearMarks();
            case SPACE -> p.togglePlay();
            case K -> p.pause();
            case J -> p.shuttle(false);
            case L -> {
                if (shift) {
                    p.slower();
                } else {
                    p.shuttle(true);
                }
            }
            case M -> p.toggleMute();
            case A -> vm.adjustSelected();
            case LEFT -> p.skip(shift ? -10_000 : -1_000);
            case RIGHT -> p.skip(shift ? 10_000 : 1_000);
            case COMMA -> p.stepFrames(-1);
            case PERIOD -> p.stepFrames(1);
            case END -> goLive.run();
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
