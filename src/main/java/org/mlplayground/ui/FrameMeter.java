package org.mlplayground.ui;

import java.util.Arrays;
import java.util.Locale;

/**
 * Frame statistics for the F3 readout: frames per second over the last second and how long the FX thread
 * spent drawing a frame (median of the last {@value #WINDOW} frames).
 */
final class FrameMeter {
    static final int WINDOW = 120;

    private final long[] frameTimes = new long[WINDOW];
    private final long[] drawNanos = new long[WINDOW];
    private final long[] epochs = new long[WINDOW];
    private int count;
    private long lastText;
    private String text = "";

    /**
     * Records a frame that began at {@code now} (ns), took {@code nanos} to draw and showed the network after
     * {@code epoch} epochs.
     */
    void frame(long now, long nanos, long epoch) {
        frameTimes[count % WINDOW] = now;
        drawNanos[count % WINDOW] = nanos;
        epochs[count % WINDOW] = epoch;
        count++;
        if (now - lastText > 500_000_000L) {
            lastText = now;
            text = String.format(Locale.ROOT, "%.0f fps · draw %.1f ms · %.1f epochs/frame", fps(), medianDrawMillis(),
                    epochsPerFrame());
        }
    }

    /** Epochs trained per displayed frame over the frames recorded (0 when paused). */
    double epochsPerFrame() {
        int n = Math.min(count, WINDOW);
        if (n < 2) return 0;
        long newest = epochs[(count - 1) % WINDOW], oldest = epochs[(count - n) % WINDOW];
        return Math.max(0, newest - oldest) / (double) (n - 1);
    }

    /** Frames per second over the frames recorded in the last second. */
    double fps() {
        int n = Math.min(count, WINDOW);
        if (n < 2) return 0;
        long newest = frameTimes[(count - 1) % WINDOW];
        int frames = 0;
        long oldest = newest;
        for (int i = 1; i < n; i++) {
            long t = frameTimes[(count - 1 - i) % WINDOW];
            if (newest - t > 1_000_000_000L) break;
            oldest = t;
            frames++;
        }
        return frames == 0 ? 0 : frames * 1e9 / (newest - oldest);
    }

    /** Median time the FX thread spent on a frame, in ms. */
    double medianDrawMillis() {
        int n = Math.min(count, WINDOW);
        if (n == 0) return 0;
        long[] sorted = Arrays.copyOf(drawNanos, n);
        Arrays.sort(sorted);
        return sorted[n / 2] / 1e6;
    }

    String text() {
        return text;
    }
}
