package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;

import java.util.Arrays;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;

/**
 * Keyframe timestamps of one stream, read from the index that the demuxer built when the file was
 * opened (MP4 and MOV sample tables, Matroska and WebM cues, AVI idx1). Other formats give an
 * empty index: demuxers such as MPEG-TS add entries only for the packets read so far, and seek by
 * searching timestamps in the file rather than to a listed keyframe.
 */
final class KeyframeIndex {

    /** Returned by {@link #atOrBefore(long)} when no keyframe is at or before the timestamp. */
    static final long NONE = Long.MIN_VALUE;

    private final long[] timestamps;

    private KeyframeIndex(long[] timestamps) {
        this.timestamps = timestamps;
    }

    /**
     * Reads the keyframe entries of {@code stream}, sorted by timestamp in stream ticks. The
     * timestamps are decode times for MP4, so a keyframe can be shown a few frames later.
     */
    static KeyframeIndex of(AVFormatContext format, AVStream stream) {
        if (!hasCompleteIndex(format)) {
            return new KeyframeIndex(new long[0]);
        }
        int count = avformat_index_get_entries_count(stream);
        long[] keyframes = new long[count];
        int kept = 0;
        for (int i = 0; i < count; i++) {
            AVIndexEntry entry = avformat_index_get_entry(stream, i);
            if (entry != null && (entry.flags() & AVIndexEntry.AVINDEX_KEYFRAME) != 0) {
                keyframes[kept++] = entry.timestamp();
            }
        }
        long[] sorted = Arrays.copyOf(keyframes, kept);
        Arrays.sort(sorted);
        return new KeyframeIndex(sorted);
    }

    private static boolean hasCompleteIndex(AVFormatContext format) {
        AVInputFormat input = format.iformat();
        if (input == null || input.isNull() || input.name() == null) {
            return false;
        }
        String name = input.name().getString();
        return name.startsWith("mov,") || name.startsWith("matroska") || name.equals("avi");
    }

    /** Returns the number of keyframes in the index. */
    int size() {
        return timestamps.length;
    }

    /**
     * Returns the mean distance between consecutive keyframes in stream ticks, or {@code
     * Double.POSITIVE_INFINITY} when the index has fewer than two keyframes.
     */
    double meanGapTicks() {
        if (timestamps.length < 2) {
            return Double.POSITIVE_INFINITY;
        }
        return (double) (timestamps[timestamps.length - 1] - timestamps[0])
                / (timestamps.length - 1);
    }

    /** Returns the timestamp of the last keyframe at or before {@code ticks}, or {@link #NONE}. */
    long atOrBefore(long ticks) {
        int i = Arrays.binarySearch(timestamps, ticks);
        if (i < 0) {
            i = -i - 2;
        }
        return i >= 0 ? timestamps[i] : NONE;
    }

    /** Returns the timestamp of the first keyframe, or {@link #NONE} when the index is empty. */
    long first() {
        return timestamps.length > 0 ? timestamps[0] : NONE;
    }
}
