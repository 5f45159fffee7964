package io.clipdesk.store;

import java.util.List;

/**
 * The schema's history, oldest first. A released migration is never edited: a file at version n has run exactly
 * these statements, so a change is a new migration appended here. That is why the DDL is frozen text rather than
 * built from the repositories' column constants (a later rename there must not rewrite history); the repositories'
 * round-trip tests keep both spellings in step.
 *
 * <p>STRICT tables make SQLite refuse a value of the wrong type instead of storing it silently.
 */
final class Schema {

    private static final Migration V1 = new Migration(1, List.of(
            """
            CREATE TABLE streams (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                name           TEXT    NOT NULL,
                source_kind    TEXT    NOT NULL,
                source_uri     TEXT    NOT NULL,
                dvr_enabled    INTEGER NOT NULL,
                dvr_duration_s INTEGER NOT NULL,
                media_key      TEXT    NOT NULL UNIQUE,
                created_at_ms  INTEGER NOT NULL,
                renditions     TEXT    NOT NULL
            ) STRICT""",
            // Segments die with their stream (the DVR goes); clips and videos below do not reference streams
            // because they outlive a deleted stream (API.md: DELETE stream keeps clips and videos).
            """
            CREATE TABLE segments (
                stream_id     INTEGER NOT NULL REFERENCES streams (id) ON DELETE CASCADE,
                sequence      INTEGER NOT NULL,
                start_ms      INTEGER NOT NULL,
                end_ms        INTEGER NOT NULL,
                duration_us   INTEGER NOT NULL,
                discontinuity INTEGER NOT NULL,
                PRIMARY KEY (stream_id, sequence)
            ) STRICT, WITHOUT ROWID""",
            "CREATE INDEX segments_by_start ON segments (stream_id, start_ms)",
            // Lets overlapping() find the stream's longest segment with one index seek and so bound its scan.
            "CREATE INDEX segments_by_duration ON segments (stream_id, duration_us)",
            """
            CREATE TABLE clips (
                id            TEXT    NOT NULL PRIMARY KEY,
                stream_id     INTEGER NOT NULL,
                name          TEXT    NOT NULL,
                start_s       INTEGER NOT NULL,
                duration_s    INTEGER NOT NULL,
                expiration_s  INTEGER NOT NULL,
                created_at_ms INTEGER NOT NULL,
                vod_required  INTEGER NOT NULL,
                video_id      INTEGER NOT NULL,
                renditions    TEXT    NOT NULL,
                status        TEXT    NOT NULL,
                error         TEXT    NOT NULL,
                cut_start_ms  INTEGER NOT NULL,
                cut_end_ms    INTEGER NOT NULL,
                accuracy      TEXT    NOT NULL
            ) STRICT""",
            "CREATE INDEX clips_by_stream ON clips (stream_id, start_s, created_at_ms)",
            "CREATE INDEX clips_by_status ON clips (status, created_at_ms)",
            """
            CREATE TABLE videos (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                media_key     TEXT    NOT NULL UNIQUE,
                stream_id     INTEGER NOT NULL,
                clip_id       TEXT    NOT NULL,
                name          TEXT    NOT NULL,
                status        TEXT    NOT NULL,
                error         TEXT    NOT NULL,
                duration_ms   INTEGER NOT NULL,
                created_at_ms INTEGER NOT NULL,
                renditions    TEXT    NOT NULL
            ) STRICT""",
            """
            CREATE TABLE settings (
                key   TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT, WITHOUT ROWID"""));

    /** What a clip's delivered range misses where the source was lost (0 for clips cut before it was known). */
    private static final Migration V2 = new Migration(2, List.of(
            "ALTER TABLE clips ADD COLUMN gap_ms INTEGER NOT NULL DEFAULT 0"));

    /** The ms marks an exact frame clip cuts at; both NULL for a clip cut at its whole seconds. */
    private static final Migration V3 = new Migration(3, List.of(
            "ALTER TABLE clips ADD COLUMN exact_from_ms INTEGER",
            "ALTER TABLE clips ADD COLUMN exact_to_ms INTEGER"));

    /**
     * Each segment's audio envelope, a row of its own so that listing segments stays lean. It dies with its
     * segment's row by the foreign key, so no path that drops a segment can leave its envelope behind.
     */
    private static final Migration V4 = new Migration(4, List.of(
            """
            CREATE TABLE envelopes (
                stream_id INTEGER NOT NULL,
                sequence  INTEGER NOT NULL,
                start_ms  INTEGER NOT NULL,
                bucket_ms INTEGER NOT NULL,
                levels    BLOB    NOT NULL,
                PRIMARY KEY (stream_id, sequence),
                FOREIGN KEY (stream_id, sequence) REFERENCES segments (stream_id, sequence) ON DELETE CASCADE
            ) STRICT, WITHOUT ROWID"""));

    /**
     * What the editor says about a clip and its permanent video: description, tags (a JSON array) and who made it.
     * Rows from before are undescribed, which the defaults say.
     */
    private static final Migration V5 = new Migration(5, List.of(
            "ALTER TABLE clips ADD COLUMN description TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE clips ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE clips ADD COLUMN created_by TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE videos ADD COLUMN description TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE videos ADD COLUMN tags TEXT NOT NULL DEFAULT '[]'",
            "ALTER TABLE videos ADD COLUMN created_by TEXT NOT NULL DEFAULT ''"));

    /**
     * Where clips are sent, and every send with its receipt. Deliveries keep the clip's and destination's names and
     * reference neither: a receipt outlives the clip's expiry and the destination's removal.
     */
    private static final Migration V6 = new Migration(6, List.of(
            """
            CREATE TABLE destinations (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                name          TEXT    NOT NULL,
                kind          TEXT    NOT NULL,
                target        TEXT    NOT NULL,
                token         TEXT    NOT NULL
            ) STRICT""",
            """
            CREATE TABLE deliveries (
                id                 INTEGER PRIMARY KEY AUTOINCREMENT,
                clip_id            TEXT    NOT NULL,
                clip_name          TEXT    NOT NULL,
                destination_id     INTEGER NOT NULL,
                destination_name   TEXT    NOT NULL,
                origin             TEXT    NOT NULL,
                status             TEXT    NOT NULL,
                attempts           INTEGER NOT NULL,
                interruptions      INTEGER NOT NULL,
                bytes_sent         INTEGER NOT NULL,
                bytes_total        INTEGER NOT NULL,
                answer             TEXT    NOT NULL,
                created_at_ms      INTEGER NOT NULL,
                updated_at_ms      INTEGER NOT NULL,
                next_attempt_at_ms INTEGER NOT NULL
            ) STRICT""",
            "CREATE INDEX deliveries_by_clip ON deliveries (clip_id, created_at_ms)",
            "CREATE INDEX deliveries_by_status ON deliveries (status, created_at_ms)"));

    /**
     * Social versions of clips: one per clip and aspect; the crop path as text (see SqliteReframeRepository). No
     * foreign key to clips: a reframe kept in a permanent video outlives its clip's row being marked expired.
     */
    private static final Migration V7 = new Migration(7, List.of(
            """
            CREATE TABLE reframes (
                id            TEXT    NOT NULL PRIMARY KEY,
                clip_id       TEXT    NOT NULL,
                stream_id     INTEGER NOT NULL,
                aspect        TEXT    NOT NULL,
                crop          TEXT    NOT NULL,
                status        TEXT    NOT NULL,
                error         TEXT    NOT NULL,
                created_at_ms INTEGER NOT NULL,
                duration_ms   INTEGER NOT NULL,
                UNIQUE (clip_id, aspect)
            ) STRICT"""));

    /** Every migration in order; the file's {@code user_version} is the last one applied. */
    static final List<Migration> MIGRATIONS = List.of(V1, V2, V3, V4, V5, V6, V7);

    private Schema() {
    }
}
