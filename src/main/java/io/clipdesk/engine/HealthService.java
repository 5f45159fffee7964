package io.clipdesk.engine;

/** Is the engine well: the data dir's disk and every stream's ingest, in sentences a person can act on. */
public interface HealthService {

    HealthReport report();
}
