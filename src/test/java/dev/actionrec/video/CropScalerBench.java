package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;

import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH benchmark of {@link CropScaler} on one 1280x720 YUV 4:2:0 frame, the pixel format most
 * H.264 streams decode to: scale to 398x224 with swscale, centre-crop 224x224 RGB, and rotate.
 * The frame is built in memory, so no decoder runs. Not a unit test: run it with {@code
 * scripts/jmh CropScalerBench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
public class CropScalerBench {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 720;
    private static final int CROP = 224;

    /** Clockwise rotation applied after the crop, in degrees. */
    @Param({"0", "90"})
    public int rotation;

    private AVFrame frame;
    private CropScaler scaler;

    /**
     * Allocates the frame and fills it with gradients.
     *
     * @throws IllegalStateException if FFmpeg cannot allocate the frame buffers
     */
    @Setup
    public void setUp() {
        frame = av_frame_alloc();
        frame.width(WIDTH).height(HEIGHT).format(AV_PIX_FMT_YUV420P);
        int error = av_frame_get_buffer(frame, 0);
        if (error < 0) {
            throw new IllegalStateException("av_frame_get_buffer failed for a " + WIDTH + "x"
                    + HEIGHT + " YUV420P frame with error " + error);
        }
        fillPlane(frame.data(0), frame.linesize(0), WIDTH, HEIGHT, 0);
        fillPlane(frame.data(1), frame.linesize(1), WIDTH / 2, HEIGHT / 2, 64);
        fillPlane(frame.data(2), frame.linesize(2), WIDTH / 2, HEIGHT / 2, 128);
        scaler = new CropScaler(CROP, rotation);
    }

    @Benchmark
    public byte[] toRgbCrop() {
        return scaler.toRgbCrop(frame, 1.0);
    }

    /** Frees the scaler's and the frame's native memory. */
    @TearDown
    public void tearDown() {
        scaler.close();
        av_frame_free(frame);
    }

    private static void fillPlane(BytePointer plane, int stride, int width, int height,
            int offset) {
        byte[] row = new byte[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = (byte) (x + y + offset);
            }
            plane.position((long) y * stride).put(row, 0, width);
        }
        plane.position(0);
    }
}
