package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24;
import static org.bytedeco.ffmpeg.global.avutil.av_free;
import static org.bytedeco.ffmpeg.global.avutil.av_malloc;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Turns decoded frames into the square RGB crops the backbone receives: applies the sample aspect
 * ratio, resizes so the shorter display side is {@code cropSize}, centre-crops a {@code cropSize
 * x cropSize} square and rotates it upright.
 *
 * <p>Rotating after the crop gives the same pixels as rotating first, because a centred square
 * crop has the same centre and side in both orientations. Not thread-safe: one instance per
 * decode. Owns native memory, so {@link #close()} must be called.
 */
final class CropScaler implements AutoCloseable {

    private static final int ALIGNMENT = 64;

    private final int cropSize;
    private final int rotationDegrees;
    private SwsContext context;
    private BytePointer buffer;
    private long bufferBytes;
    private final PointerPointer<BytePointer> dstPlanes = new PointerPointer<>(4);
    private final IntPointer dstStrides = new IntPointer(4);

    /**
     * @param cropSize side of the square output in pixels
     * @param rotationDegrees clockwise rotation that makes frames upright: 0, 90, 180 or 270
     */
    CropScaler(int cropSize, int rotationDegrees) {
        this.cropSize = cropSize;
        this.rotationDegrees = rotationDegrees;
    }

    /**
     * Scales, crops and rotates one frame into a new pixel array.
     *
     * @param frame decoded frame in any pixel format that swscale reads
     * @param sampleAspect width of one stored pixel divided by its height, e.g. 2.0 for 2:1
     * @return {@code [cropSize, cropSize, 3]} RGB bytes owned by the caller
     */
    byte[] toRgbCrop(AVFrame frame, double sampleAspect) {
        int width = frame.width();
        int height = frame.height();
        double displayWidth = width * sampleAspect;
        double scale = cropSize / Math.min(displayWidth, height);
        int scaledWidth = Math.max(cropSize, (int) Math.round(displayWidth * scale));
        int scaledHeight = Math.max(cropSize, (int) Math.round(height * scale));

        context = sws_getCachedContext(context, width, height, frame.format(),
                scaledWidth, scaledHeight, AV_PIX_FMT_RGB24, SWS_AREA,
                null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("swscale cannot convert pixel format "
                    + frame.format() + " at " + width + "x" + height + " to RGB " + scaledWidth
                    + "x" + scaledHeight);
        }
        int stride = (scaledWidth * 3 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        ByteBuffer pixels = ensureBuffer((long) stride * scaledHeight);
        dstPlanes.put(0, buffer);
        dstStrides.put(0, stride);
        sws_scale(context, new PointerPointer<>(frame), frame.linesize(), 0, height,
                dstPlanes, dstStrides);

        byte[] crop = copyCentre(pixels, stride, scaledWidth, scaledHeight);
        return rotate(crop, cropSize, rotationDegrees);
    }

    private ByteBuffer ensureBuffer(long bytes) {
        if (buffer == null || bufferBytes < bytes) {
            freeBuffer();
            buffer = new BytePointer(av_malloc(bytes)).capacity(bytes);
            if (buffer.isNull()) {
                throw new OutOfMemoryError("av_malloc failed for " + bytes + " bytes");
            }
            bufferBytes = bytes;
        }
        return buffer.position(0).limit(bytes).asBuffer();
    }

    private byte[] copyCentre(ByteBuffer pixels, int stride, int scaledWidth, int scaledHeight) {
        int left = (scaledWidth - cropSize) / 2;
        int top = (scaledHeight - cropSize) / 2;
        int rowBytes = cropSize * 3;
        byte[] crop = new byte[cropSize * rowBytes];
        for (int y = 0; y < cropSize; y++) {
            pixels.get((top + y) * stride + left * 3, crop, y * rowBytes, rowBytes);
        }
        return crop;
    }

    /**
     * Rotates a square packed-RGB image clockwise.
     *
     * @param rgb {@code [size, size, 3]} pixels
     * @param size side in pixels
     * @param degrees 0, 90, 180 or 270
     * @return the rotated pixels, the same array when {@code degrees} is 0
     */
    static byte[] rotate(byte[] rgb, int size, int degrees) {
        if (degrees == 0) {
            return rgb;
        }
        byte[] out = new byte[rgb.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sourceX;
                int sourceY;
                switch (degrees) {
                    case 90 -> {
                        sourceX = y;
                        sourceY = size - 1 - x;
                    }
                    case 180 -> {
                        sourceX = size - 1 - x;
                        sourceY = size - 1 - y;
                    }
                    case 270 -> {
                        sourceX = size - 1 - y;
                        sourceY = x;
                    }
                    default -> throw new IllegalArgumentException(
                            "rotation must be 0, 90, 180 or 270 degrees, got " + degrees);
                }
                System.arraycopy(rgb, (sourceY * size + sourceX) * 3, out, (y * size + x) * 3, 3);
            }
        }
        return out;
    }

    private void freeBuffer() {
        if (buffer != null) {
            av_free(buffer);
            buffer = null;
            bufferBytes = 0;
        }
    }

    @Override
    public void close() {
        freeBuffer();
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        dstPlanes.close();
        dstStrides.close();
    }
}
