package dev.actionrec.features;

import dev.actionrec.video.FrameSampler;
import dev.actionrec.video.SampledClip;
import dev.actionrec.video.SamplingParams;
import dev.actionrec.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns video files into per-step feature vectors: frame sampling, the backbone, and the cache.
 *
 * <p>In batch work, decoding runs on a background thread a few clips ahead of the backbone, so
 * the two stages overlap. A file that fails is returned as a failed {@link ExtractionResult};
 * the other files go on.
 */
public final class FeatureExtractor implements AutoCloseable {

    /** How many decoded clips may wait for the backbone. */
    private static final int DECODE_AHEAD = 2;

    private static final Logger log = LoggerFactory.getLogger(FeatureExtractor.class);

    private final Backbone backbone;
    private final SamplingParams sampling;
    private final FrameSampler sampler;
    private final FeatureCache cache;
    private final ExecutorService decoder;

    /**
     * Creates an extractor.
     *
     * @param cache the feature cache, or null to always recompute
     */
    public FeatureExtractor(Backbone backbone, SamplingParams sampling, Duration decodeTimeout,
            FeatureCache cache) {
        this.backbone = backbone;
        this.sampling = sampling;
        this.sampler = new FrameSampler(sampling, backbone.inputSize(), decodeTimeout);
        this.cache = cache;
        this.decoder = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "actionrec-decode");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Extracts the features of one video. */
    public ExtractionResult extract(Path video) {
        return finish(video, decode(video));
    }

    /**
     * Extracts the features of many videos, in order, overlapping decoding with the backbone.
     *
     * @param onEach called with each result as soon as it is ready
     * @param failFast stop after the first failure
     * @return one result per processed video, in input order
     */
    public List<ExtractionResult> extractAll(List<Path> videos, Consumer<ExtractionResult> onEach,
            boolean failFast) {
        List<ExtractionResult> results = new ArrayList<>();
        Deque<Future<Decoded>> pending = new ArrayDeque<>();
        int next = 0;
        try {
            while (results.size() < videos.size()) {
                while (next < videos.size() && pending.size() < DECODE_AHEAD) {
                    Path video = videos.get(next++);
                    pending.add(decoder.submit(() -> decode(video)));
                }
                Path video = videos.get(results.size());
                ExtractionResult result = finish(video, await(pending.removeFirst(), video));
                results.add(result);
                onEach.accept(result);
                if (failFast && !result.ok()) {
                    break;
                }
            }
        } finally {
            pending.forEach(future -> future.cancel(true));
        }
        return results;
    }

    private Decoded decode(Path video) {
        String key = null;
        try {
            key = cacheKey(video);
            if (key != null) {
                Optional<ClipFeatures> hit = cache.get(key, video);
                if (hit.isPresent()) {
                    return new Decoded(key, null, hit.get(), null);
                }
            }
            return new Decoded(key, sampler.sample(video), null, null);
        } catch (IOException | RuntimeException e) {
            return new Decoded(key, null, null, e);
        }
    }

    /**
     * Returns the cache key, or null without a cache or when the file cannot be hashed. In the
     * second case the sampler runs next and reports what is wrong with the file.
     */
    private String cacheKey(Path video) {
        if (cache == null) {
            return null;
        }
        try {
            return cache.key(video, backbone, sampling);
        } catch (IOException e) {
            log.debug("Cannot hash {} for the feature cache: {}", video, e.toString());
            return null;
        }
    }

    private ExtractionResult finish(Path video, Decoded decoded) {
        if (decoded.error != null) {
            return ExtractionResult.failure(video, decoded.error);
        }
        if (decoded.cached != null) {
            log.debug("Feature cache hit for {}", video);
            return ExtractionResult.success(video, decoded.cached, true);
        }
        try {
            ClipFeatures features = computeFeatures(video, decoded.clip);
            if (decoded.key != null) {
                cache.put(decoded.key, features);
            }
            return ExtractionResult.success(video, features, false);
        } catch (IOException | RuntimeException e) {
            return ExtractionResult.failure(video, e);
        }
    }

    private ClipFeatures computeFeatures(Path video, SampledClip clip) {
        List<VideoFrame> frames = clip.frames();
        INDArray vectors = backbone.features(frames);
        float[][] values = vectors.castTo(DataType.FLOAT).toFloatMatrix();
        long[] timestamps = frames.stream().mapToLong(VideoFrame::timestampMicros).toArray();
        return new ClipFeatures(video, timestamps, values);
    }

    private static Decoded await(Future<Decoded> future, Path video) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Decoded(null, null, null, new IOException("interrupted while decoding " + video));
        } catch (ExecutionException e) {
            Exception cause = e.getCause() instanceof Exception ex ? ex : e;
            return new Decoded(null, null, null, cause);
        }
    }

    @Override
    public void close() {
        decoder.shutdownNow();
    }

    private record Decoded(String key, SampledClip clip, ClipFeatures cached, Exception error) {}
}
