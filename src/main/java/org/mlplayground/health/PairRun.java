package org.mlplayground.health;

import java.util.concurrent.TimeUnit;
import org.mlplayground.train.Trainer;

/**
 * The two runs of a {@link HealthPreset.Comparison}, trained side by side on one thread of their own, each
 * step of one followed by the same step of the other, each watched by its own {@link GradientMonitor}. Both
 * presets share data, seed and batches (see {@link HealthPreset}), so the two charts differ only by what the
 * comparison changes.
 *
 * <p>While playing, every frame (16 ms) trains {@link #stepsPerFrame()} steps of each run. A run that diverges
 * stops where it is (its monitor keeps the last finite step) and the other goes on. Threads: {@link #play},
 * {@link #pause}, {@link #reset} and {@link #close} from any thread; the monitors, {@link #steps()} and
 * {@link #stops()} are read from any thread without waiting for a frame's training (which holds only
 * {@code training}, the lock that keeps two threads from stepping one trainer).
 */
public final class PairRun implements AutoCloseable {
    private static final long FRAME_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

    private final HealthPreset.Comparison comparison;
    private final int stepsPerFrame;
    /** Guards playing and closed, for waiting until Play. */
    private final Object lock = new Object();
    /** Held while trainers step: by the pair's thread for a frame, by {@link #step} and {@link #reset}. */
    private final Object training = new Object();
    private final Thread thread;
    private volatile Trainer top, bottom;
    private volatile GradientMonitor topMonitor = new GradientMonitor(), bottomMonitor = new GradientMonitor();
    private volatile boolean playing, closed;

    /** A paused pair at step 0; {@code stepsPerFrame} steps of each run per frame while playing. */
    public PairRun(HealthPreset.Comparison comparison, int stepsPerFrame) {
        if (stepsPerFrame < 1) throw new IllegalArgumentException("steps per frame must be at least 1, got " + stepsPerFrame);
        this.comparison = comparison;
        this.stepsPerFrame = stepsPerFrame;
        top = comparison.top().trainer();
        bottom = comparison.bottom().trainer();
        thread = new Thread(this::run, "gradient-comparison");
        thread.setDaemon(true);
        thread.start();
    }

    public HealthPreset.Comparison comparison() {
        return comparison;
    }

    public int stepsPerFrame() {
        return stepsPerFrame;
    }

    /** The top (unhealthy) run's monitor; a reset replaces it. */
    public GradientMonitor topMonitor() {
        return topMonitor;
    }

    /** The bottom (remedy) run's monitor; a reset replaces it. */
    public GradientMonitor bottomMonitor() {
        return bottomMonitor;
    }

    /** Steps taken by the top and the bottom run (read while they may be training: a frame old at most). */
    public long[] steps() {
        return new long[] {top.stepCount(), bottom.stepCount()};
    }

    /** What stopped a run ("diverged at step 7 …"), or "" while it trains. */
    public String[] stops() {
        return new String[] {stop(top), stop(bottom)};
    }

    private static String stop(Trainer t) {
        return t.divergence().map(d -> d.message()).orElse("");
    }

    public boolean playing() {
        return playing;
    }

    /** Whether the pair's thread still runs (false once closed and ended). */
    public boolean alive() {
        return thread.isAlive();
    }

    public void play() {
        synchronized (lock) {
            playing = true;
            lock.notifyAll();
        }
    }

    public void pause() {
        playing = false;
    }

    /** Both runs back to their initial weights and step 0, with fresh monitors; paused. */
    public void reset() {
        playing = false;
        Trainer newTop = comparison.top().trainer(), newBottom = comparison.bottom().trainer();
        synchronized (training) { // not in the middle of a frame's steps
            top = newTop;
            bottom = newBottom;
            topMonitor = new GradientMonitor();
            bottomMonitor = new GradientMonitor();
        }
    }

    /** Trains {@code n} steps of each run now, on the caller's thread (for tests and a "Step" button). */
    public void step(int n) {
        synchronized (training) {
            for (int i = 0; i < n; i++) stepBoth();
        }
    }

    private void stepBoth() {
        step(top, topMonitor);
        step(bottom, bottomMonitor);
    }

    private static void step(Trainer t, GradientMonitor m) {
        if (t.divergence().isPresent()) return;
        t.step();
        m.afterStep(t);
    }

    private void run() {
        long next = System.nanoTime();
        while (true) {
            synchronized (lock) {
                while (!playing && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                    next = System.nanoTime();
                }
                if (closed) return;
            }
            synchronized (training) {
                for (int i = 0; i < stepsPerFrame && playing; i++) stepBoth();
                if (top.divergence().isPresent() && bottom.divergence().isPresent()) playing = false;
            }
            next += FRAME_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            } else {
                next = System.nanoTime();
            }
        }
    }

    /** Stops the thread; the pair cannot be played again. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            playing = false;
            lock.notifyAll();
        }
        thread.interrupt();
    }
}
