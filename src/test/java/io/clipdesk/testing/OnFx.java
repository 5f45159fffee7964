package io.clipdesk.testing;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

/** Runs test code on the JavaFX thread and hands back its result (or its failure, as the test's). */
public final class OnFx {

    private OnFx() {
    }

    public static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
