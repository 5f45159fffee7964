package io.clipdesk.ui;

import javafx.css.PseudoClass;

/** The CSS states the views switch (see assets/css/clipdesk.css). */
final class Pseudo {

    static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    static final PseudoClass STALLED = PseudoClass.getPseudoClass("stalled");
    static final PseudoClass FULL = PseudoClass.getPseudoClass("full");
    static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");

    private Pseudo() {
    }
}
