package io.clipdesk.engine.storage;

import io.clipdesk.engine.InsufficientStorageException;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's view of the data dir's disk: reads the {@link DiskSpace} port against the {@link DiskReserve},
 * remembers which streams cannot write for want of space, and refuses work that would not fit. Thread-safe.
 */
public final class DiskWatch {

    private final DiskSpace space;
    private final DiskReserve reserve;
    private final Set<Long> outOfSpace = ConcurrentHashMap.newKeySet();

    public DiskWatch(DiskSpace space, DiskReserve reserve) {
        this.space = space;
        this.reserve = reserve;
    }

    public DiskStatus status() {
        DiskSpace.Reading now = space.read();
        return new DiskStatus(now.usableBytes(), now.totalBytes(), reserve.bytesOf(now.totalBytes()),
                !outOfSpace.isEmpty());
    }

    /** A segment of {@code streamId} could not be written: true (and remembered) when the disk is why. */
    public boolean writeFailed(long streamId) {
        DiskStatus now = status();
        if (DiskBudget.noRoom(now.freeBytes(), now.reserveBytes())) {
            outOfSpace.add(streamId);
            return true;
        }
        return false;
    }

    public void writeSucceeded(long streamId) {
        outOfSpace.remove(streamId);
    }

    /**
     * Refuses {@code what} when its {@code needBytes} would not fit beside the reserve, counting what the DVR
     * ({@code dvrBytes}) can give back.
     *
     * @throws InsufficientStorageException saying how much is needed and free
     */
    public void requireRoom(long needBytes, long dvrBytes, String what) {
        DiskStatus now = status();
        if (!DiskBudget.fits(needBytes, now.freeBytes(), dvrBytes, now.reserveBytes())) {
            throw new InsufficientStorageException("Not enough disk space for " + what + ": it needs about "
                    + DiskStatus.megabytes(needBytes) + ", and the data folder's disk has "
                    + DiskStatus.megabytes(now.freeBytes()) + " free" + (now.reserveBytes() > 0 ? " (Clipdesk keeps "
                    + DiskStatus.megabytes(now.reserveBytes()) + " free)" : "") + ". Free space (delete clips, "
                    + "videos or other files on that disk) and try again.");
        }
    }
}
