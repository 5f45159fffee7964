package io.clipdesk.transport;

import io.clipdesk.engine.delivery.DeliveryTransport;
import io.clipdesk.engine.delivery.Destination;
import io.clipdesk.engine.delivery.DestinationKind;
import io.clipdesk.engine.delivery.SendOutcome;
import io.clipdesk.engine.delivery.Shipment;
import io.clipdesk.engine.storage.DurableFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * Delivers into a watch folder (playout, CMS): each file is written under a hidden temp name ({@code .NAME.part},
 * which a watcher looking for {@code *.mp4} or {@code *.json} ignores), flushed to disk, then renamed in the same
 * folder, so a watcher only ever sees a complete file. The MP4 comes first and its JSON last, so whichever of the two
 * a watcher waits for, the other is already whole. A repeated attempt overwrites its own temp file and replaces
 * what an earlier attempt renamed.
 */
public final class FolderTransport implements DeliveryTransport {

    private static final int CHUNK_BYTES = 1 << 20;

    @Override
    public DestinationKind kind() {
        return DestinationKind.FOLDER;
    }

    @Override
    public SendOutcome send(Shipment shipment, Destination destination, LongConsumer sentBytes) {
        Path folder = destination.folder();
        if (!Files.isDirectory(folder)) {
            return SendOutcome.retry("The folder " + folder + " is not there (a share not mounted?)");
        }
        Path mp4 = folder.resolve(shipment.fileStem() + ".mp4");
        Path json = folder.resolve(shipment.fileStem() + ".json");
        try {
            copyInto(shipment.mp4(), mp4, sentBytes);
            writeInto(ClipMetadata.of(shipment), json);
            // The folder is the destination's own; the file name is what the editor looks for in it.
            return SendOutcome.delivered("Written as " + mp4.getFileName());
        } catch (FileSystemException e) {
            return SendOutcome.retry("Could not write into " + folder + ": " + reason(e));
        } catch (IOException e) {
            return SendOutcome.retry("Could not write into " + folder + ": " + e.getMessage());
        }
    }

    private static void copyInto(Path source, Path target, LongConsumer sentBytes) throws IOException {
        Path temp = temp(target);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, Math.min(CHUNK_BYTES, size - done), out);
                sentBytes.accept(done);
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        DurableFiles.moveInto(temp, target);
    }

    private static void writeInto(byte[] bytes, Path target) throws IOException {
        Path temp = temp(target);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        DurableFiles.moveInto(temp, target);
    }

    static Path temp(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    private static String reason(FileSystemException e) {
        String reason = e.getReason();
        return (reason == null ? e.getClass().getSimpleName() : reason) + " (" + e.getFile() + ")";
    }
}
