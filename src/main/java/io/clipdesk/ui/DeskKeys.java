package io.clipdesk.ui;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The editor's keyboard, caught before any control sees it (a scene filter, so a focused button never eats
 * Space). Typing in a text field keeps its letters; Enter there still creates the clip and Esc leaves it.
 */
final class DeskKeys {

    private final MainViewModel vm;
    private final Runnable goLive;

    DeskKeys(MainViewModel vm, Runnable goLive) {
        this.vm = vm;
        this.goLive = goLive;
    }

    void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
    }

    private void pressed(KeyEvent e) {
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
            case L -> p.shuttle(true);
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
