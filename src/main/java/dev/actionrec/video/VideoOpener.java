package dev.actionrec.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import dev.actionrec.video.VideoDecodeException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a video file with {@link FFmpegFrameGrabber} for raw video decoding only, and turns
 * FFmpeg's open errors into {@link VideoDecodeException} reasons.
 */
final class VideoOpener {

    private static final Logger LOG = LoggerFactory.getLogger(VideoOpener.class);

    private VideoOpener() {}

    /**
     * Opens the first video stream that is not an attached picture. Audio, subtitle and data
     * streams are discarded by the demuxer and never decoded.
     *
     * @param ffmpegThreads threads of FFmpeg's video decoder, 0 for FFmpeg's automatic choice
     * @return a started grabber in {@link FrameGrabber.ImageMode#RAW} mode; the caller closes it
     * @throws VideoDecodeException NOT_A_VIDEO, TRUNCATED, NO_VIDEO_STREAM or DECODE_FAILED
     */
    static FFmpegFrameGrabber open(Path file, int ffmpegThreads) throws VideoDecodeException {
        FFmpegFrameGrabber grabber = start(file, -1, ffmpegThreads);
        int chosen = grabber.getVideoStream();
        int usable = firstRealVideoStream(grabber.getFormatContext());
        if (usable < 0) {
            closeQuietly(grabber);
            throw new VideoDecodeException(file, Reason.NO_VIDEO_STREAM, file
                    + ": no video stream (audio only or cover art only); pass a video file");
        }
        if (usable != chosen) {
            closeQuietly(grabber);
            grabber = start(file, usable, ffmpegThreads);
        }
        discardOtherStreams(grabber.getFormatContext(), usable);
        return grabber;
    }

    private static FFmpegFrameGrabber start(Path file, int videoStream, int ffmpegThreads)
            throws VideoDecodeException {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toAbsolutePath().toString());
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        // No stream has this index, so the grabber opens no audio decoder.
        grabber.setAudioStream(Integer.MAX_VALUE);
        grabber.setVideoStream(videoStream);
        if (ffmpegThreads > 0) {
            // JavaCV 1.5.7 sets thread_count to 0 (automatic), and avcodec_open2 then applies
            // the options dictionary, so this value wins.
            grabber.setVideoOption("threads", Integer.toString(ffmpegThreads));
        }
        try {
            // start() holds a JVM-wide lock while it opens the file, so one file that hangs in
            // open would block every other decode. FFmpeg 5.0's avcodec_open2 takes its own lock
            // for codecs whose initialisation is not thread-safe.
            grabber.startUnsafe(true);
            return grabber;
        } catch (FrameGrabber.Exception e) {
            closeQuietly(grabber);
            throw classify(file, e);
        }
    }

    private static int firstRealVideoStream(AVFormatContext format) {
        for (int i = 0; i < format.nb_streams(); i++) {
            AVStream stream = format.streams(i);
            boolean video = stream.codecpar().codec_type() == AVMEDIA_TYPE_VIDEO;
            boolean coverArt = (stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0;
            if (video && !coverArt) {
                return i;
            }
        }
        return -1;
    }

    private static void discardOtherStreams(AVFormatContext format, int videoStream) {
        for (int i = 0; i < format.nb_streams(); i++) {
            if (i != videoStream) {
                format.streams(i).discard(AVDISCARD_ALL);
            }
        }
    }

    private static VideoDecodeException classify(Path file, FrameGrabber.Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("avformat_open_input()")) {
            if (looksLikeIsoMedia(file)) {
                return new VideoDecodeException(file, Reason.TRUNCATED, file
                        + ": MP4/MOV file is incomplete (moov atom not found); re-download or"
                        + " re-export the file", e);
            }
            return new VideoDecodeException(file, Reason.NOT_A_VIDEO, file
                    + ": not a video container FFmpeg recognises; check that it is a video file",
                    e);
        }
        if (message.startsWith("Did not find a video or audio stream")) {
            return new VideoDecodeException(file, Reason.NO_VIDEO_STREAM, file
                    + ": no video stream (audio only or cover art only); pass a video file", e);
        }
        if (message.startsWith("avformat_find_stream_info()")) {
            return new VideoDecodeException(file, Reason.TRUNCATED, file
                    + ": stream information cannot be read, the file is probably cut short;"
                    + " re-download or re-export it", e);
        }
        return new VideoDecodeException(file, Reason.DECODE_FAILED, file
                + ": FFmpeg cannot open the video (" + message + "); convert it to H.264 MP4,"
                + " e.g. with ffmpeg -i IN -c:v libx264 OUT.mp4", e);
    }

    /**
     * Returns whether the sample table of an MP4/MOV file lists data of the stream past the end
     * of the file, as in a partial download of a file with its index at the front. Other
     * containers and files whose size cannot be read give false.
     */
    static boolean isCutShort(Path file, AVFormatContext format, AVStream stream) {
        AVInputFormat input = format.iformat();
        if (input == null || input.isNull() || input.name() == null
                || !input.name().getString().startsWith("mov,")) {
            return false;
        }
        long fileSize;
        try {
            fileSize = Files.size(file);
        } catch (IOException e) {
            return false;
        }
        long end = 0;
        int count = avformat_index_get_entries_count(stream);
        for (int i = 0; i < count; i++) {
            AVIndexEntry entry = avformat_index_get_entry(stream, i);
            if (entry != null && !entry.isNull()) {
                end = Math.max(end, entry.pos() + entry.size());
            }
        }
        // NOTE: FFmpeg 5.0 may drop index entries that start past the end of the file, so only
        // the presence of missing data is reliable here, not its amount.
        return end > fileSize;
    }

    /** Returns true when bytes 4-7 are an ISO base media box type that starts MP4/MOV files. */
    private static boolean looksLikeIsoMedia(Path file) {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 8) < 8) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        String box = new String(head, 4, 4, StandardCharsets.ISO_8859_1);
        return box.equals("ftyp") || box.equals("mdat") || box.equals("moov")
                || box.equals("wide") || box.equals("free");
    }

    static void closeQuietly(FFmpegFrameGrabber grabber) {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            LOG.debug("releasing the FFmpeg grabber failed", e);
        }
    }
}
