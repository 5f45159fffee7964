package io.clipdesk.store;

import static io.clipdesk.store.StoreSamples.T0_MS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.clipdesk.engine.dvr.Segment;
import io.clipdesk.engine.sound.AudioEnvelope;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A segment's audio envelope is stored with its row and goes with it, whichever way the row goes. */
class SegmentEnvelopeStoreTest {

    @TempDir
    Path dir;
    private Database database;
    private SqliteSegmentStore segments;
    private SqliteStreamRepository streams;
    private long stream;

    @BeforeEach
    void open() {
        database = Database.open(dir.resolve("clipdesk.db"));
        segments = new SqliteSegmentStore(database);
        streams = new SqliteStreamRepository(database);
        stream = streams.insert(StoreSamples.stream("aaaaaaaaaaaa")).id();
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Segment i: 2 s from T0 + 2 s × i, its envelope a ramp with one bucket unheard. */
    private AudioEnvelope insert(long streamId, int i) {
        short[] peaks = new short[100];
        short[] rms = new short[100];
        for (int b = 0; b < 100; b++) {
            peaks[b] = (short) (b * 300 + i);
            rms[b] = (short) (b * 100 + i);
        }
        peaks[7] = AudioEnvelope.NO_AUDIO;
        rms[7] = AudioEnvelope.NO_AUDIO;
        AudioEnvelope envelope = new AudioEnvelope(T0_MS + i * 2_000L, AudioEnvelope.BUCKET_MS, peaks, rms);
        segments.insert(new Segment(streamId, i, T0_MS + i * 2_000L, 2_000_000, false), envelope);
        return envelope;
    }

    @Test
    void envelopes_ofSegmentsOverlappingTheRange_comeBackAsStored_oldestFirst() {
        List<AudioEnvelope> stored = List.of(insert(stream, 0), insert(stream, 1), insert(stream, 2));
        segments.insert(new Segment(stream, 3, T0_MS + 6_000, 2_000_000, false)); // no sound: no envelope

        assertEquals(stored, segments.envelopes(stream, T0_MS, T0_MS + 8_000));
        assertEquals(stored.subList(1, 3), segments.envelopes(stream, T0_MS + 2_500, T0_MS + 4_500));
        assertEquals(List.of(), segments.envelopes(stream, T0_MS + 6_000, T0_MS + 8_000));
    }

    @Test
    void envelope_goesWithItsSegment_deleteDeleteAllAndStreamDelete() {
        for (int i = 0; i < 4; i++) {
            insert(stream, i);
        }
        segments.delete(stream, 0);
        assertEquals(3, envelopeRows());
        assertEquals(3, segments.envelopes(stream, T0_MS, T0_MS + 8_000).size());

        segments.deleteAll(stream);
        assertEquals(0, envelopeRows());

        insert(stream, 9);
        streams.delete(stream);
        assertEquals(0, envelopeRows(), "a deleted stream's segments and envelopes go together");
    }

    private int envelopeRows() {
        return database.run("count envelopes", c -> {
            try (ResultSet rows = c.createStatement().executeQuery("SELECT COUNT(*) FROM "
                    + SqliteSegmentStore.ENVELOPES)) {
                return rows.next() ? rows.getInt(1) : -1;
            }
        });
    }
}
