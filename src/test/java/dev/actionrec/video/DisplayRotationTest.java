package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avformat.av_stream_new_side_data;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks how display matrices, rotate tags and square rotations map to upright frames. */
class DisplayRotationTest {

    @ParameterizedTest(name = "matrix {0} degrees clockwise")
    @CsvSource({"0, 0", "90, 90", "-90, 270", "180, 180", "-180, 180", "270, 270", "89.6, 90",
        "44, 0"})
    void displayMatrixGivesClockwiseRotation(double clockwise, int expected) {
        AVFormatContext format = avformat_alloc_context();
        try {
            AVStream stream = avformat_new_stream(format, null);
            BytePointer matrix = av_stream_new_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, 36);
            av_display_rotation_set(new IntPointer(matrix), clockwise);

            assertEquals(expected, DisplayRotation.of(stream, "test.mp4"));
        } finally {
            avformat_free_context(format);
        }
    }

    @ParameterizedTest(name = "rotate tag {0}")
    @CsvSource({"90, 90", "180, 180", "270, 270", "-90, 270", "0, 0", "junk, 0"})
    void rotateTagIsClockwise(String tag, int expected) {
        AVFormatContext format = avformat_alloc_context();
        try {
            AVStream stream = avformat_new_stream(format, null);
            AVDictionary metadata = new AVDictionary(null);
            av_dict_set(metadata, "rotate", tag, 0);
            stream.metadata(metadata);

            assertEquals(expected, DisplayRotation.of(stream, "test.mp4"));
        } finally {
            avformat_free_context(format);
        }
    }

    @ParameterizedTest(name = "{0} degrees")
    @CsvSource({"0, 1, 2, 3, 4", "90, 3, 1, 4, 2", "180, 4, 3, 2, 1", "270, 2, 4, 1, 3"})
    void squareRotatesClockwise(int degrees, int topLeft, int topRight, int bottomLeft,
            int bottomRight) {
        // 2x2 image whose red values are 1 2 / 3 4.
        byte[] image = {1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0};

        byte[] rotated = CropScaler.rotate(image, 2, degrees);

        byte[] expected = {(byte) topLeft, 0, 0, (byte) topRight, 0, 0, (byte) bottomLeft, 0, 0,
            (byte) bottomRight, 0, 0};
        assertArrayEquals(expected, rotated);
    }
}
