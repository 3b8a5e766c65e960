/**
 * Video decoding and frame sampling: {@link dev.actionrec.video.FrameSampler} turns a video file
 * into upright, square RGB {@link dev.actionrec.video.VideoFrame}s chosen by presentation
 * timestamp, and {@link dev.actionrec.video.FrameDump} writes them as PNG files.
 */
package dev.actionrec.video;
