package io.clipdesk.ui.quick;

import io.clipdesk.desk.DeskBackend;

import java.util.ArrayList;
import java.util.List;

/**
 * The editor's quick markers (F1–F8) kept in the engine's settings, so they outlive the session and a switch of
 * stream: one "label TAB pre-roll TAB post-roll" line per marker. Until edited, or if the stored text cannot be
 * read, the presets apply.
 */
public final class QuickMarkerSettings {

    static final String KEY = "ui.quick_markers";
    private static final System.Logger LOG = System.getLogger(QuickMarkerSettings.class.getName());

    private QuickMarkerSettings() {
    }

    public static List<QuickMarker> load(DeskBackend settings) {
        return settings.setting(KEY).map(QuickMarkerSettings::decode).orElse(QuickMarker.PRESETS);
    }

    public static void save(DeskBackend settings, List<QuickMarker> markers) {
        settings.putSetting(KEY, encode(markers));
    }

    static String encode(List<QuickMarker> markers) {
        StringBuilder text = new StringBuilder();
        for (QuickMarker m : markers) {
            // The label is free text; tabs and line breaks would split the record.
            text.append(m.label().replaceAll("[\\t\\r\\n]+", " ")).append('\t').append(m.preRollS()).append('\t')
                    .append(m.postRollS()).append('\n');
        }
        return text.toString();
    }

    static List<QuickMarker> decode(String text) {
        List<QuickMarker> markers = new ArrayList<>();
        try {
            for (String line : text.split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split("\t");
                markers.add(new QuickMarker(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2])));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "stored quick markers are unreadable; using the presets: " + e);
            return QuickMarker.PRESETS;
        }
        return markers.isEmpty() || markers.size() > QuickMarker.MAX_MARKERS ? QuickMarker.PRESETS
                : List.copyOf(markers);
    }
}
