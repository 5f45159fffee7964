package io.clipdesk.app;

import io.clipdesk.engine.ClipEngine;
import io.clipdesk.engine.clip.Clip;
import io.clipdesk.engine.clip.ClipRequest;
import io.clipdesk.engine.clip.ClipStatus;
import io.clipdesk.engine.delivery.Delivery;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Runs in a child JVM for {@link DeliveryRestartTest}: makes a clip, sends it to the HTTP receiver given, prints the
 * delivery, then waits to be killed with SIGKILL while the receiver holds the send.
 */
public final class DeliveryChild {

    public static void main(String[] args) throws Exception {
        ClipEngine engine = Engines.open(Path.of(args[0]), Clock.systemUTC(), EngineFixture.SEGMENT_MS);
        EngineFixture.await("4 s of DVR", () -> engine.streams().state(1).window().lengthMs() >= 4000);
        long tailS = engine.streams().state(1).window().startMs() / 1000;
        Clip clip = engine.clips().create(ClipRequest.of(1, tailS + 1, 2).withName("Goal"));
        EngineFixture.await("clip ready", () -> engine.clips().get(clip.id()).status() == ClipStatus.READY);
        Destination social = engine.deliveries().save(Destination.draft("Social", DestinationKind.HTTP, args[1],
                "tok"));
        Delivery delivery = engine.deliveries().send(clip.id(), social.id(), "Goal");
        System.out.println(clip.id() + " " + delivery.id());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
