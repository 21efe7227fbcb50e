package io.recruitflow.adapter.persistence;

import java.nio.file.Path;

/**
 * A Recruitflow stand-in for the kill -9 test: starts the embedded database on the data dir given as the
 * first argument, records the event id given as the second, prints READY and sleeps until killed.
 */
public final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) throws InterruptedException {
        Database db = Database.start(DatabaseConfig.embedded(Path.of(args[0])));
        new PostgresProcessedEvents(db.jdbi()).markProcessed(args[1]);
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
