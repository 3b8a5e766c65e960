package dev.actionrec.video;

/**
 * How a video becomes a sequence: {@code frames} steps, step i being the frame on screen at
 * time {@code i / fps} seconds from the start of the video.
 *
 * @param frames number of steps in a full window, at least 1
 * @param fps sampling rate in steps per second, greater than 0
 */
public record SamplingParams(int frames, double fps) {

    /** Default window: 30 steps at 1 step per second, sized for 30-second videos. */
    public static final SamplingParams DEFAULT = new SamplingParams(30, 1.0);

    public SamplingParams {
        if (frames < 1) {
            throw new IllegalArgumentException("--frames must be at least 1, got " + frames);
        }
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("--fps must be a positive number, got " + fps);
        }
    }

    /** Returns the target presentation time of step {@code i}, in microseconds. */
    public long stepTimeMicros(int i) {
        return Math.round(i * 1_000_000.0 / fps);
    }

    /** Returns the length of a full window in seconds. */
    public double windowSeconds() {
        return frames / fps;
    }
}
