package io.clipdesk.ui.timeline;

import java.util.List;

/**
 * One rung of the ruler's ladder: labelled ticks every {@code majorMs}, unlabelled ones every {@code minorMs}.
 * The timeline picks the finest rung whose labels still fit, so spacing adapts to zoom.
 */
public record TickStep(long majorMs, long minorMs, boolean showsSeconds) {

    private static final long S = 1000;
    private static final long M = 60 * S;
    private static final long H = 60 * M;

    /** Finest first; every major step is a whole number of minor steps and divides a day. */
    public static final List<TickStep> LADDER = List.of(
            new TickStep(S, 200, true),
            new TickStep(2 * S, 500, true),
            new TickStep(5 * S, S, true),
            new TickStep(10 * S, 2 * S, true),
            new TickStep(15 * S, 5 * S, true),
            new TickStep(30 * S, 10 * S, true),
            new TickStep(M, 15 * S, false),
            new TickStep(2 * M, 30 * S, false),
            new TickStep(5 * M, M, false),
            new TickStep(10 * M, 2 * M, false),
            new TickStep(15 * M, 5 * M, false),
            new TickStep(30 * M, 10 * M, false),
            new TickStep(H, 15 * M, false),
            new TickStep(2 * H, 30 * M, false),
            new TickStep(3 * H, H, false),
            new TickStep(6 * H, H, false));

    public TickStep {
        if (majorMs <= 0 || minorMs <= 0 || majorMs % minorMs != 0) {
            throw new IllegalArgumentException("major step must be a positive multiple of the minor step");
        }
    }

    /** The finest rung whose major ticks are at least {@code minLabelSpacingPx} apart at {@code msPerPx}. */
    public static TickStep forScale(double msPerPx, double minLabelSpacingPx) {
        for (TickStep step : LADDER) {
            if (step.majorMs / msPerPx >= minLabelSpacingPx) {
                return step;
            }
        }
        return LADDER.get(LADDER.size() - 1);
    }
}
