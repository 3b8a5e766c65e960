package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX;
import static org.bytedeco.ffmpeg.global.avformat.av_stream_get_side_data;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get;

import java.util.Locale;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.SizeTPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the clockwise rotation that makes a video stream upright, the way the ffmpeg 5.0 command
 * line does for its autorotate: from the display matrix side data, else from the older {@code
 * rotate} stream tag.
 */
final class DisplayRotation {

    private static final Logger LOG = LoggerFactory.getLogger(DisplayRotation.class);
    private static final int DISPLAY_MATRIX_BYTES = 9 * Integer.BYTES;

    private DisplayRotation() {}

    /**
     * Returns the clockwise rotation in degrees: 0, 90, 180 or 270. An angle that is not a
     * multiple of 90 degrees is rounded to the nearest one, with a WARN.
     */
    static int of(AVStream stream, String fileName) {
        double theta = clockwiseDegrees(stream);
        theta -= 360 * Math.floor(theta / 360 + 0.9 / 360);
        int rounded = (int) (Math.round(theta / 90) * 90 % 360);
        if (Math.abs(theta - rounded) > 1 && Math.abs(theta - rounded - 360) > 1) {
            LOG.warn("{}: display rotation of {} degrees is not a multiple of 90; using {}",
                    fileName, String.format(Locale.ROOT, "%.1f", theta), rounded);
        }
        return rounded;
    }

    private static double clockwiseDegrees(AVStream stream) {
        try (SizeTPointer size = new SizeTPointer(1)) {
            BytePointer matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, size);
            if (matrix != null && !matrix.isNull() && size.get() >= DISPLAY_MATRIX_BYTES) {
                // The matrix stores the counter-clockwise angle.
                double counterClockwise = av_display_rotation_get(new IntPointer(matrix));
                return Double.isNaN(counterClockwise) ? 0 : -counterClockwise;
            }
        }
        AVDictionaryEntry tag = av_dict_get(stream.metadata(), "rotate", null, 0);
        if (tag == null || tag.isNull()) {
            return 0;
        }
        try {
            return Double.parseDouble(tag.value().getString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
