import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.Loader;

/**
 * Writes the sample clips in samples/ with the ffmpeg program bundled in JavaCV's FFmpeg jar,
 * or with {@code --bench-clip FILE} the 30-s 720p clip of the benchmarks. Run through
 * scripts/make-samples and scripts/bench.
 */
public class MakeSamples {

    public static void main(String[] args) throws IOException, InterruptedException {
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        if (args.length == 2 && args[0].equals("--bench-clip")) {
            // 30 s of 1280x720 H.264 at 30 fps with a keyframe every 250 frames.
            run(ffmpeg, "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30", "-t", "30",
                    "-c:v", "libopenh264", "-b:v", "4M", "-g", "250", "-pix_fmt", "yuv420p",
                    args[1]);
            return;
        }
        Path out = Path.of(args.length > 0 ? args[0] : "samples");
        Files.createDirectories(out);

        // A 4 s test pattern with a moving clock and colour bars, 320x240 at 25 fps.
        run(ffmpeg, "-f", "lavfi", "-i", "testsrc2=size=320x240:rate=25:duration=4",
                "-c:v", "libopenh264", "-b:v", "200k", "-pix_fmt", "yuv420p",
                out.resolve("test-pattern-4s.mp4").toString());
        // A pattern stored sideways with a rotation tag, as phones record: players and actionrec
        // show it upright. The tag is added by a stream copy, which writes it as a display matrix.
        Path sideways = out.resolve("sideways.tmp.mp4");
        run(ffmpeg, "-f", "lavfi", "-i", "testsrc2=size=240x320:rate=25:duration=3",
                "-c:v", "libopenh264", "-b:v", "200k", "-pix_fmt", "yuv420p",
                sideways.toString());
        run(ffmpeg, "-i", sideways.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90",
                out.resolve("rotated-90-3s.mp4").toString());
        Files.delete(sideways);
    }

    private static void run(String ffmpeg, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-y", "-loglevel", "error"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg failed: " + String.join(" ", command));
        }
        System.out.println("Wrote " + command.get(command.size() - 1));
    }
}
