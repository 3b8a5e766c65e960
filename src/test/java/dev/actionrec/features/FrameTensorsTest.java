package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.actionrec.video.VideoFrame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.junit.jupiter.api.Test;

class FrameTensorsTest {

    private static final int SIZE = 5;
    private static final int FLOATS_PER_FRAME = 3 * SIZE * SIZE;

    @Test
    void toNchwMatchesToInputRgb() {
        assertMatchesToInput(PixelNormalisation.TFLITE_UINT8);
    }

    @Test
    void toNchwMatchesToInputBgr() {
        assertMatchesToInput(PixelNormalisation.CAFFE_VGG);
    }

    @Test
    void toNchwWritesFromPosition() {
        List<VideoFrame> frames = randomFrames(2, SIZE);
        FloatBuffer out = FloatBuffer.allocate(4 + 2 * FLOATS_PER_FRAME + 3);
        for (int i = 0; i < out.capacity(); i++) {
            out.put(i, -7f);
        }
        out.position(4);

        FrameTensors.toNchw(frames, SIZE, PixelNormalisation.UNIT_RGB, out);

        assertEquals(4 + 2 * FLOATS_PER_FRAME, out.position());
        for (int i : new int[] {0, 3, out.capacity() - 3, out.capacity() - 1}) {
            assertEquals(-7f, out.get(i), "float " + i + " lies outside the written range");
        }
        float[] expected = FrameTensors.toInput(frames, CNN2DFormat.NCHW, SIZE,
                PixelNormalisation.UNIT_RGB).data().asFloat();
        float[] written = new float[expected.length];
        out.get(4, written);
        assertArrayEquals(expected, written);
    }

    @Test
    void toNchwRejectsWrongFrameSize() {
        List<VideoFrame> frames = new ArrayList<>(randomFrames(2, SIZE));
        int wrong = SIZE + 1;
        frames.add(new VideoFrame(2, wrong, wrong, new byte[wrong * wrong * 3]));
        FloatBuffer out = FloatBuffer.allocate(3 * FLOATS_PER_FRAME + 3 * 6 * 6);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FrameTensors.toNchw(frames, SIZE, PixelNormalisation.TFLITE_UINT8, out));

        assertEquals("frame 2 at 2 us is 6x6, expected 5x5;"
                + " crop frames to the backbone input size first", error.getMessage());
        assertEquals(0, out.position());
        assertEquals(0f, out.get(0), "nothing is written before the check fails");
    }

    @Test
    void toNchwRejectsSmallBuffer() {
        List<VideoFrame> frames = randomFrames(2, SIZE);
        FloatBuffer out = FloatBuffer.allocate(2 * FLOATS_PER_FRAME - 1);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FrameTensors.toNchw(frames, SIZE, PixelNormalisation.TFLITE_UINT8, out));

        assertEquals("output buffer too small: 149 floats remaining, 2 frames of 5x5 need 150",
                error.getMessage());
        assertEquals(0, out.position());
    }

    private static void assertMatchesToInput(PixelNormalisation normalisation) {
        List<VideoFrame> frames = randomFrames(3, SIZE);
        FloatBuffer out = ByteBuffer.allocateDirect(3 * FLOATS_PER_FRAME * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();

        FrameTensors.toNchw(frames, SIZE, normalisation, out);

        float[] expected = FrameTensors.toInput(frames, CNN2DFormat.NCHW, SIZE, normalisation)
                .data().asFloat();
        float[] written = new float[expected.length];
        out.get(0, written);
        assertEquals(expected.length, out.position());
        assertArrayEquals(expected, written);
    }

    /** Returns frames of random pixels, including 0 and 255, with timestamps 0, 1, 2, ... us. */
    private static List<VideoFrame> randomFrames(int count, int size) {
        Random random = new Random(42 + size);
        List<VideoFrame> frames = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            byte[] rgb = new byte[size * size * 3];
            random.nextBytes(rgb);
            rgb[0] = 0;
            rgb[1] = (byte) 255;
            frames.add(new VideoFrame(n, size, size, rgb));
        }
        return frames;
    }
}
