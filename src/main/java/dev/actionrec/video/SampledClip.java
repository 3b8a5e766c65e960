package dev.actionrec.video;

import java.nio.file.Path;
import java.util.List;

/**
 * Frames sampled from one video, in step order.
 *
 * <p>{@code frames.get(i)} is step i: the frame on screen at {@code i / params.fps()} seconds
 * after the first frame. A video shorter than the window gives fewer frames than {@code
 * params.frames()}, and no frame is invented or repeated past the end of the video.
 *
 * @param source the video file
 * @param params the sampling parameters used
 * @param frames the sampled frames of the real steps, each {@code [cropSize, cropSize, 3]} RGB
 * @param decodedDurationMicros time from the first frame to the end of the last frame decoded,
 *     in microseconds. Decoding stops once every step has its frame, so for a video longer than
 *     the window this is a lower bound of its duration.
 * @param displayWidth width in pixels of the upright picture at display aspect, before resizing
 * @param displayHeight height in pixels of the upright picture at display aspect, before resizing
 * @param rotationDegrees clockwise rotation applied to make frames upright: 0, 90, 180 or 270
 * @param strategy how the frames were reached: sequential decoding or seeking to keyframes
 */
public record SampledClip(
        Path source,
        SamplingParams params,
        List<VideoFrame> frames,
        long decodedDurationMicros,
        int displayWidth,
        int displayHeight,
        int rotationDegrees,
        DecodeStrategy strategy) {

    public SampledClip {
        frames = List.copyOf(frames);
    }

    /** Returns the number of steps that have a real frame, at most {@link #requestedSteps()}. */
    public int realSteps() {
        return frames.size();
    }

    /** Returns the number of steps in a full window, {@code params.frames()}. */
    public int requestedSteps() {
        return params.frames();
    }
}
