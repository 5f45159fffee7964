package io.clipdesk.ui.theme;

import javafx.css.PseudoClass;

/** The CSS states the views switch (see assets/css/clipdesk.css). */
public final class Pseudo {

    public static final PseudoClass LIVE = PseudoClass.getPseudoClass("live");
    public static final PseudoClass STALLED = PseudoClass.getPseudoClass("stalled");
    public static final PseudoClass FULL = PseudoClass.getPseudoClass("full");
    static final PseudoClass HINT = PseudoClass.getPseudoClass("hint");

    private Pseudo() {
    }
}
