package dev.actionrec.video;

/**
 * One decoded, upright, cropped video frame as packed 8-bit RGB.
 *
 * @param timestampMicros presentation timestamp of the frame, in microseconds from the start of
 *     the video stream
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param rgb pixel bytes in row-major {@code [height, width, 3]} order, red first; the array is
 *     owned by this frame and never shared with a decoder buffer
 */
public record VideoFrame(long timestampMicros, int width, int height, byte[] rgb) {

    public VideoFrame {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException(
                    "expected " + width * height * 3 + " RGB bytes for " + width + "x" + height
                            + ", got " + rgb.length);
        }
    }

    /** Returns the red, green or blue value (0-255) of one pixel. */
    public int channel(int x, int y, int channel) {
        return rgb[(y * width + x) * 3 + channel] & 0xFF;
    }
}
