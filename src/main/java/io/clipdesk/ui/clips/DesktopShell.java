package io.clipdesk.ui.clips;

import java.io.IOException;
import java.nio.file.Path;

/** What the clips panel asks of the desktop around it; tests pass a recording fake. */
public interface DesktopShell {

    /** Puts text on the clipboard. FX thread. */
    void copy(String text);

    /**
     * Opens the folder in the file manager. Blocks while the opener starts, so never on the FX thread.
     *
     * @throws IOException when no file manager can be started
     */
    void reveal(Path folder) throws IOException;
}
