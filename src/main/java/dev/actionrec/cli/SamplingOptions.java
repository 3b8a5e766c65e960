package dev.actionrec.cli;

import dev.actionrec.video.SamplingParams;
import picocli.CommandLine.Option;

/** The {@code --frames} and {@code --fps} options of commands that sample videos. */
final class SamplingOptions {

    @Option(names = "--frames", paramLabel = "N", defaultValue = "30",
            description = "Frames sampled per video, the sequence length (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--fps", paramLabel = "F", defaultValue = "1",
            description = "Sampling rate in frames per second: step i is the frame on screen at"
                    + " i/F seconds (default: ${DEFAULT-VALUE}). Use e.g. --fps 8 --frames 16"
                    + " for 2-second clips.")
    double fps;

    SamplingParams toParams() {
        return new SamplingParams(frames, fps);
    }
}
