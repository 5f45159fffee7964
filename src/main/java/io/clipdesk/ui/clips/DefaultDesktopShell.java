package io.clipdesk.ui.clips;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The system clipboard, and xdg-open (or gio) for folders. */
public final class DefaultDesktopShell implements DesktopShell {

    private static final List<List<String>> OPENERS = List.of(List.of("xdg-open"), List.of("gio", "open"));

    @Override
    public void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    @Override
    public void reveal(Path folder) throws IOException {
        IOException last = null;
        for (List<String> opener : OPENERS) {
            List<String> command = new ArrayList<>(opener);
            command.add(folder.toAbsolutePath().toString());
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                // xdg-open returns once the file manager is launched; a quick non-zero exit means it could not.
                if (!p.waitFor(3, TimeUnit.SECONDS) || p.exitValue() == 0) {
                    return;
                }
                last = new IOException(String.join(" ", opener) + " exited with " + p.exitValue());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IOException("no file manager could open " + folder + " (" + last.getMessage() + ")", last);
    }
}
