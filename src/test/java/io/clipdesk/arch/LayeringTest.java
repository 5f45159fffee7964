package io.clipdesk.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering of ARCHITECTURE.md: the engine depends on nothing but the JDK; ui and api never meet. */
class LayeringTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.clipdesk");

    @Test
    void engine_importsNoUiSqlHttpOrFfmpeg() {
        noClasses().that().resideInAPackage("io.clipdesk.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.sql..", "javax.sql..",
                        "com.sun.net.httpserver..", "io.netty..", "java.net.http..", "org.bytedeco..", "org.sqlite..",
                        "com.fasterxml.jackson.databind..")
                .because("the engine holds the rules and must be testable and reusable without UI, SQL, HTTP or FFmpeg")
                .check(MAIN);
    }

    @Test
    void engine_dependsOnNoOuterLayer() {
        noClasses().that().resideInAPackage("io.clipdesk.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("io.clipdesk.media..", "io.clipdesk.store..",
                        "io.clipdesk.api..", "io.clipdesk.client..", "io.clipdesk.ui..", "io.clipdesk.app..",
                        "io.clipdesk.transport..")
                .because("outer layers implement the engine's ports, never the other way round")
                .check(MAIN);
    }

    @Test
    void adapters_dependOnlyOnEngine() {
        for (String layer : new String[] {"media", "store", "api", "client", "ui", "transport"}) {
            String[] others = java.util.stream.Stream.of("media", "store", "api", "client", "ui", "app", "transport")
                    .filter(o -> !o.equals(layer)).map(o -> "io.clipdesk." + o + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("io.clipdesk." + layer + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("adapters meet only in app, the composition root")
                    .allowEmptyShould(true)
                    .check(MAIN);
        }
    }

    @Test
    void onlyUiAndApp_useJavaFx() {
        noClasses().that().resideOutsideOfPackages("io.clipdesk.ui..", "io.clipdesk.app..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("JavaFX belongs to the desktop UI; the headless server must run without it")
                .check(MAIN);
    }

    @Test
    void onlyMedia_usesFfmpeg() {
        noClasses().that().resideOutsideOfPackages("io.clipdesk.media..", "io.clipdesk.app..")
                .should().dependOnClassesThat().resideInAPackage("org.bytedeco..")
                .because("one media toolkit behind the media adapters")
                .check(MAIN);
    }

    @Test
    void onlyStore_usesSql() {
        noClasses().that().resideOutsideOfPackages("io.clipdesk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .because("SQLite has one gatekeeper, store.Database")
                .check(MAIN);
    }
}
