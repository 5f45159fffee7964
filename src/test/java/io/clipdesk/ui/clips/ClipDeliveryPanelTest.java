package io.clipdesk.ui.clips;

import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.DeliveryStatus;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import io.clipdesk.testing.ClipReceiver;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.clipdesk.ui.clips.PanelFixture.fx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Setting up a watch folder and sending a clip to it from the clips panel; the receipts under the list (TestFX). */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ClipDeliveryPanelTest extends FxRobot {

    @TempDir
    static Path dir;
    private static PanelFixture f;

    @BeforeAll
    static void open() throws Exception {
        f = new PanelFixture(dir.resolve("data"), Duration.ofSeconds(12));
    }

    @AfterAll
    static void close() throws Exception {
        f.close();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void sendToAFolder_setUpInTheDestinationsDialog_showsTheReceiptAndTheFileArrivesWhole() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("playout-in"));
        Clip clip = f.readyClip("Goal 1-0");
        f.select(this, clip);

        clickOn("#clip-send-to");
        clickOn("No destination yet: add one…");
        f.await("the destinations dialog", () -> fx(() -> lookup("#destination-name").tryQuery().isPresent()));
        clickOn("#destination-name").write("Playout");
        clickOn("#destination-target").write("playout-in");
        clickOn("#destination-add");
        f.await("the refusal", () -> fx(() -> problem().startsWith("The folder must be a full path")));
        fx(() -> {
            lookup("#destination-target").queryTextInputControl().setText(folder.toString());
            return null;
        });
        clickOn("#destination-add");
        f.await("stored", () -> f.engine.deliveries().destinations().size() == 1);
        f.await("said so", () -> fx(() -> problem().equals("Saved Playout.")));
        clickOn("Close");

        clickOn("#clip-send-to");
        clickOn("Playout  (folder)");

        f.await("the receipt says sent", () -> fx(() -> receiptText().startsWith("sent ")));
        Delivery sent = f.engine.deliveries().ofClip(clip.id()).get(0);
        assertEquals(DeliveryStatus.SENT, sent.status());
        Path mp4 = folder.resolve("Goal_1-0_" + clip.id() + ".mp4");
        assertTrue(fx(() -> receiptText()).endsWith("Written as " + mp4.getFileName()), fx(this::receiptText));
        assertArrayEquals(Files.readAllBytes(f.engine.layout().clipDir(clip.id())
                .resolve(io.clipdesk.engine.storage.MediaPaths.clipMasterMp4(clip.id()))), Files.readAllBytes(mp4));
        try (var files = Files.list(folder)) {
            assertEquals(2, files.filter(p -> !p.getFileName().toString().startsWith(".")).count());
        }
        assertTrue(fx(() -> f.vm().noticeProperty().get()).startsWith("Sending Goal 1-0 to Playout"));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void receipts_ofEveryDestination_withTheServersAnswers() throws Exception {
        try (ClipReceiver social = ClipReceiver.always(201, "stored as asset 7781");
                ClipReceiver archive = ClipReceiver.always(401, "invalid token")) {
            Path folder = Files.createDirectories(dir.resolve("cms-watch"));
            Destination cms = f.engine.deliveries().save(Destination.draft("CMS folder", DestinationKind.FOLDER,
                    folder.toString(), ""));
            Destination http = f.engine.deliveries().save(Destination.draft("Social", DestinationKind.HTTP,
                    social.url(), "s3cret"));
            Destination old = f.engine.deliveries().save(Destination.draft("Archive", DestinationKind.HTTP,
                    archive.url(), "expired-token"));
            Clip clip = f.readyClip("Save by Donnarumma");
            for (Destination d : List.of(old, cms, http)) {
                f.engine.deliveries().send(clip.id(), d.id(), d == http ? "Save" : Delivery.BY_HAND);
            }
            f.select(this, clip);

            f.await("three receipts, all settled", () -> fx(() -> lookup(".receipt").queryAll().size() == 3
                    && lookup(".receipt-sent").queryAll().size() == 2
                    && lookup(".receipt-failed").queryAll().size() == 1));
            List<String> texts = fx(() -> lookup(".receipt-text").queryAll().stream()
                    .map(n -> ((Label) n).getText()).toList());
            assertTrue(texts.get(0).matches("sent \\d\\d:\\d\\d:\\d\\d · HTTP 201: stored as asset 7781 · auto \\(Save\\)"),
                    texts.get(0));
            assertEquals("failed · HTTP 401: invalid token", texts.get(2));
            Path shot = Path.of("target", "screenshots", "delivery.png");
            Files.createDirectories(shot.getParent());
            javafx.scene.image.WritableImage image = fx(() -> f.panel.getScene().getRoot().snapshot(null, null));
            java.awt.image.BufferedImage png = new java.awt.image.BufferedImage((int) image.getWidth(),
                    (int) image.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < png.getHeight(); y++) {
                for (int x = 0; x < png.getWidth(); x++) {
                    png.setRGB(x, y, image.getPixelReader().getArgb(x, y));
                }
            }
            javax.imageio.ImageIO.write(png, "png", shot.toFile());
        }
    }

    private String problem() {
        return lookup("#destination-problem").queryLabeled().getText();
    }

    private String receiptText() {
        return lookup(".receipt").tryQuery().map(row -> ((Label) row.lookup(".receipt-text")).getText()).orElse("");
    }
}
