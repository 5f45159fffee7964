package io.clipdesk.engine.health;

import io.clipdesk.engine.storage.DiskStatus;

import java.util.List;

/** The engine's health now: how many streams, the disk, and what is wrong (empty when all is well). */
public record HealthReport(int streams, DiskStatus disk, List<String> problems) {

    public HealthReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
