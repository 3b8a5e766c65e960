package dev.actionrec.video;

/**
 * Decoding strategy of a {@link FrameSampler}: the way it reaches the frame of each step. Both
 * strategies return the same frames, because a seek that lands on a frame that is not a keyframe
 * makes decoding restart sequentially.
 */
public enum DecodeStrategy {
    /** Decodes every frame from the start of the video up to the last step. */
    SEQUENTIAL,
    /**
     * For each step, seeks to the last keyframe at or before the step time and decodes forward
     * from there. Chosen when the MP4, MOV, Matroska, WebM or AVI index lists keyframes at most
     * half a step interval apart on average.
     */
    SEEK
}
