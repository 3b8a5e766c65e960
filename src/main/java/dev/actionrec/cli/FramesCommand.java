package dev.actionrec.cli;

import dev.actionrec.video.FrameDump;
import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SampledClip;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code actionrec frames}: writes the exact frames the backbone would see, for checking. */
@Command(name = "frames", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write the frames sampled from a video, upright and cropped as the backbone"
                + " sees them, as PNG files named by step and timestamp, plus a contact sheet.")
final class FramesCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VIDEO", description = "Video file to sample.")
    Path video;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true,
            description = "Folder for the PNG files.")
    Path out;

    @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "224",
            description = "Square crop size in pixels (default: ${DEFAULT-VALUE}, MobileNetV2's input).")
    int size;

    @Option(names = "--decode-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up after this many seconds of decoding (default: ${DEFAULT-VALUE}).")
    double decodeTimeoutSeconds;

    @Mixin SamplingOptions sampling;

    @Override
    public Integer call() throws Exception {
        FrameSampler sampler = new FrameSampler(sampling.toParams(), size,
                java.time.Duration.ofMillis(Math.round(decodeTimeoutSeconds * 1000)));
        SampledClip clip = sampler.sample(video);
        List<Path> files = FrameDump.writePngs(clip, out);
        Path sheet = out.resolve("contact_sheet.png");
        FrameDump.writeContactSheet(clip, sheet, 8);

        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Wrote %d of %d frames of %s to %s (rotation %d degrees,"
                        + " display size %dx%d), contact sheet %s%n",
                files.size(), clip.requestedSteps(), video, out, clip.rotationDegrees(),
                clip.displayWidth(), clip.displayHeight(), sheet);
        stdout.flush();
        return ExitCodes.OK;
    }
}
