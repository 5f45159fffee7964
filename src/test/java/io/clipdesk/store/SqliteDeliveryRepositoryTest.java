package io.clipdesk.store;

import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.DeliveryStatus;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Destinations and deliveries (schema version 6) round-trip, and a file from version 5 takes them on. */
class SqliteDeliveryRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void destinationsAndDeliveries_roundTrip_receiptsByClipAndUnfinishedOldestFirst() {
        try (Database db = Database.open(dir.resolve("clipdesk.db"))) {
            SqliteDestinationRepository destinations = new SqliteDestinationRepository(db);
            SqliteDeliveryRepository deliveries = new SqliteDeliveryRepository(db);
            Destination social = destinations.insert(Destination.draft("social", DestinationKind.HTTP,
                    "https://cms.example/in", "tok"));
            Destination playout = destinations.insert(Destination.draft("Playout", DestinationKind.FOLDER, "/srv/in",
                    ""));
            assertEquals(List.of(playout, social), destinations.list(), "by name, whatever the case");
            destinations.update(social.withId(social.id()));
            Delivery first = deliveries.insert(new Delivery(0, "abcdefghij12", "Goal", social.id(), "social", "Goal",
                    DeliveryStatus.SENDING, 1, 0, 10, 100, "", 1000, 1000, 1000));
            Delivery second = deliveries.insert(new Delivery(0, "abcdefghij12", "Goal", playout.id(), "Playout", "",
                    DeliveryStatus.WAITING, 0, 0, 0, 0, "", 2000, 2000, 2000));
            Delivery sent = new Delivery(first.id(), "abcdefghij12", "Goal", social.id(), "social", "Goal",
                    DeliveryStatus.SENT, 2, 1, 100, 100, "HTTP 201: stored", 1000, 5000, 5000);
            deliveries.update(sent);

            assertEquals(Optional.of(sent), deliveries.find(first.id()));
            assertEquals(List.of(second, sent), deliveries.ofClip("abcdefghij12"));
            assertEquals(List.of(second), deliveries.unfinished());
            assertEquals(List.of(second), deliveries.recent(1));
            destinations.delete(social.id());
            assertEquals(List.of(playout), destinations.list());
            assertEquals(Optional.of(sent), deliveries.find(first.id()), "a receipt outlives its destination");
        }
    }

    @Test
    void fileAtVersion5_isMigrated_keepingItsClips_andTakesDeliveries() {
        Path file = dir.resolve("clipdesk.db");
        try (Database v5 = Database.open(file, Schema.MIGRATIONS.subList(0, 5))) {
            v5.run("insert a version-5 clip", c -> c.createStatement().executeUpdate("""
                    INSERT INTO clips (id, stream_id, name, start_s, duration_s, expiration_s, created_at_ms,
                        vod_required, video_id, renditions, status, error, cut_start_ms, cut_end_ms, accuracy,
                        description, tags, created_by)
                    VALUES ('oldclip00005', 1, 'Old', 10, 5, 3610, 10000, 0, 0, '["media_2_720"]', 'READY', '',
                        10000, 15000, 'SEGMENT', 'kept', '["goal"]', 'Ann')"""));
        }
        try (Database migrated = Database.open(file)) {
            assertEquals("Old", new SqliteClipRepository(migrated).find("oldclip00005").orElseThrow().name());
            Destination cms = new SqliteDestinationRepository(migrated).insert(Destination.draft("CMS",
                    DestinationKind.FOLDER, "/srv/cms", ""));
            Delivery asked = new SqliteDeliveryRepository(migrated).insert(new Delivery(0, "oldclip00005", "Old",
                    cms.id(), "CMS", "", DeliveryStatus.WAITING, 0, 0, 0, 0, "", 1, 1, 1));
            assertEquals(List.of(asked), new SqliteDeliveryRepository(migrated).unfinished());
        }
    }
}
