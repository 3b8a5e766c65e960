package dev.actionrec.video;

/**
 * How a {@link FrameSampler} reaches the frame of each step. Both strategies return the same
 * frames for files whose keyframes start closed groups of pictures, which is the default for
 * H.264 encoders such as x264.
 */
public enum DecodeStrategy {
    /** Decodes every frame from the start of the video up to the last step. */
    SEQUENTIAL,
    /**
     * For each step, seeks to the last keyframe at or before the step time and decodes forward
     * from there. Chosen when the container's index lists keyframes at most half a step interval
     * apart on average.
     */
    SEEK
}
