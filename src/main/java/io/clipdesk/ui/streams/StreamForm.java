package io.clipdesk.ui.streams;

import io.clipdesk.engine.stream.LiveStream;
import io.clipdesk.engine.stream.PushAddress;
import io.clipdesk.engine.stream.SourceKind;
import io.clipdesk.engine.stream.SourceSpec;
import io.clipdesk.engine.stream.StreamDraft;
import io.clipdesk.engine.stream.StreamPatch;
import io.clipdesk.ui.form.EditorWords;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The stream dialog's fields at one moment, and what they mean: the source they describe, the draft or patch for
 * the engine, and the first problem found without asking it. Only what the engine's own values refuse is checked
 * here (plus what is plainly missing); the engine's rules stay the authority and speak through the dialog.
 *
 * @param portText   blank = automatic (a new push stream gets a free port; an edited one keeps its own)
 * @param dvrMinutes the DVR depth as the dialog edits it, in whole minutes
 */
public record StreamForm(String name, SourceKind kind, String url, String file, String portText, String passphrase,
                         boolean dvrEnabled, int dvrMinutes) {

    public static final int MIN_DVR_MINUTES = (LiveStream.MIN_DVR_DURATION_S + 59) / 60;
    public static final int MAX_DVR_MINUTES = LiveStream.MAX_DVR_DURATION_S / 60;
    public static final int DEFAULT_DVR_MINUTES = LiveStream.DEFAULT_DVR_DURATION_S / 60;

    public StreamForm {
        name = name == null ? "" : name;
        url = url == null ? "" : url;
        file = file == null ? "" : file;
        portText = portText == null ? "" : portText;
        passphrase = passphrase == null ? "" : passphrase;
    }

    /** A new stream: the test signal, an hour of DVR. */
    public static StreamForm blank() {
        return new StreamForm("", SourceKind.TEST_SIGNAL, "", "", "", "", true, DEFAULT_DVR_MINUTES);
    }

    /** The fields of an existing stream. */
    public static StreamForm of(LiveStream stream) {
        SourceSpec source = stream.source();
        Optional<PushAddress> push = pushAddress(source);
        return new StreamForm(stream.name(), source.kind(),
                source.kind() == SourceKind.HLS_PULL ? source.uri() : "",
                source.kind() == SourceKind.FILE_LOOP ? source.uri() : "",
                push.map(a -> a.port() == 0 ? "" : Integer.toString(a.port())).orElse(""),
                push.map(PushAddress::passphrase).orElse(""),
                stream.dvrEnabled(), minutes(stream.dvrDurationS()));
    }

    static int minutes(int seconds) {
        return Math.max(MIN_DVR_MINUTES, Math.min(MAX_DVR_MINUTES, (seconds + 30) / 60));
    }

    /** What is plainly wrong before asking the engine; empty when nothing is. */
    public Optional<String> problem() {
        if (name.isBlank()) {
            return Optional.of("Give the stream a name.");
        }
        if (dvrMinutes < MIN_DVR_MINUTES || dvrMinutes > MAX_DVR_MINUTES) {
            return Optional.of("DVR depth must be " + MIN_DVR_MINUTES + "–" + MAX_DVR_MINUTES + " minutes.");
        }
        try {
            source();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(sentence(e.getMessage())); // the engine's values speak lower case, mid-sentence
        }
    }

    /** A message as the editor reads it: capitalised, with a full stop. */
    static String sentence(String message) {
        String text = EditorWords.of(message == null ? "" : message.strip());
        if (text.isEmpty()) {
            return "";
        }
        return text.endsWith(".") ? text : text + ".";
    }

    /**
     * The source the fields describe.
     *
     * @throws IllegalArgumentException with a sentence for the editor when a field is missing or malformed
     */
    public SourceSpec source() {
        return switch (kind) {
            case TEST_SIGNAL -> SourceSpec.TEST_SIGNAL;
            case HLS_PULL -> {
                String u = url.strip();
                String lower = u.toLowerCase(Locale.ROOT);
                if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                    throw new IllegalArgumentException(u.isEmpty()
                            ? "Enter the URL of the live HLS playlist (http:// or https://…m3u8)."
                            : "The playlist URL must start with http:// or https://.");
                }
                yield new SourceSpec(SourceKind.HLS_PULL, u);
            }
            case FILE_LOOP -> {
                if (file.isBlank()) {
                    throw new IllegalArgumentException("Choose the file to play as live.");
                }
                yield new SourceSpec(SourceKind.FILE_LOOP, file.strip());
            }
            case RTMP_PUSH -> PushAddress.rtmp(port()).spec();
            case SRT_PUSH -> PushAddress.srt(port(), passphrase.strip()).spec();
        };
    }

    private int port() {
        String text = portText.strip();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= PushAddress.MIN_PORT && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("The port must be a number from " + PushAddress.MIN_PORT
                + " to 65535, or blank for automatic.");
    }

    public StreamDraft draft() {
        return new StreamDraft(name.strip(), source(), dvrEnabled, dvrMinutes * 60);
    }

    /** Only what the editor changed: an untouched DVR depth of 90 s is not rounded to 2 min behind their back. */
    public StreamPatch patch(LiveStream before) {
        StreamForm was = of(before);
        return new StreamPatch(
                name.strip().equals(before.name()) ? Optional.empty() : Optional.of(name.strip()),
                dvrEnabled == before.dvrEnabled() ? Optional.empty() : Optional.of(dvrEnabled),
                dvrMinutes == was.dvrMinutes() ? OptionalInt.empty() : OptionalInt.of(dvrMinutes * 60),
                changesSource(before) ? Optional.of(source()) : Optional.empty());
    }

    /** Whether the fields describe another source than the stream has (a blank port keeps the stream's own). */
    public boolean changesSource(LiveStream before) {
        if (kind != before.source().kind()) {
            return true;
        }
        SourceSpec now;
        try {
            now = source();
        } catch (IllegalArgumentException e) {
            return true;
        }
        Optional<PushAddress> wanted = pushAddress(now);
        Optional<PushAddress> had = pushAddress(before.source());
        if (wanted.isPresent() && had.isPresent()) {
            PushAddress w = wanted.get().port() == 0 ? wanted.get().withPort(had.get().port()) : wanted.get();
            return !w.equals(had.get());
        }
        return !now.equals(before.source());
    }

    public boolean isPush() {
        return kind == SourceKind.RTMP_PUSH || kind == SourceKind.SRT_PUSH;
    }

    /** The editor's name for a kind of source. */
    public static String label(SourceKind kind) {
        return switch (kind) {
            case TEST_SIGNAL -> "Test signal";
            case HLS_PULL -> "HLS pull (URL)";
            case RTMP_PUSH -> "RTMP push";
            case SRT_PUSH -> "SRT push";
            case FILE_LOOP -> "File played as live";
        };
    }

    private static Optional<PushAddress> pushAddress(SourceSpec source) {
        try {
            return PushAddress.of(source);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
