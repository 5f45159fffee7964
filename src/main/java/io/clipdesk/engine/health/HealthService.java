package io.clipdesk.engine.health;

/** Is the engine well: the data dir's disk and every stream's ingest, in sentences a person can act on. */
public interface HealthService {

    HealthReport report();
}
