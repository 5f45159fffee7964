package io.clipdesk.app;

import java.util.Arrays;

/**
 * {@code clipdesk} opens the desktop window; {@code clipdesk --headless} serves the REST API without one.
 * Not a JavaFX Application itself, so the app starts with JavaFX on the plain classpath.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] rawArgs) {
        // `mvn exec:exec -Dapp.args="..."` hands everything over as one argument.
        String[] args = Arrays.stream(rawArgs).flatMap(a -> Arrays.stream(a.strip().split("\\s+")))
                .filter(a -> !a.isEmpty()).toArray(String[]::new);
        if (Arrays.asList(args).contains("--headless")) {
            System.exit(HeadlessServer.run(args, Engines::open));
        }
        DesktopApp.launchWith(args);
    }
}
