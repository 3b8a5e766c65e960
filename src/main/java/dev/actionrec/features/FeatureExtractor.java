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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns video files into per-step feature vectors: frame sampling, the backbone, and the cache.
 *
 * <p>In batch work, {@link ThreadSettings#decoders()} background threads decode clips ahead of
 * the backbone, so decoding overlaps with the forward pass. At most decoders + 1 clips are
 * decoded or decoding ahead of the backbone, which bounds memory. A file that fails is returned
 * as a failed {@link ExtractionResult}; the other files go on.
 */
public final class FeatureExtractor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeatureExtractor.class);

    private final Backbone backbone;
    private final SamplingParams sampling;
    private final FrameSampler sampler;
    private final FeatureCache cache;
    private final int lookAhead;
    private final ExecutorService decoders;
    /** Whether a cache write has failed, so the warning is logged once per extractor. */
    private boolean cacheWriteFailed;

    /**
     * Creates an extractor with {@link ThreadSettings#defaults()}.
     *
     * @param cache the feature cache, or null to always recompute
     */
    public FeatureExtractor(Backbone backbone, SamplingParams sampling, Duration decodeTimeout,
            FeatureCache cache) {
        this(backbone, sampling, decodeTimeout, cache, ThreadSettings.defaults());
    }

    /**
     * Creates an extractor. Its FFmpeg decoders and clip decoders follow {@code threads}; the
     * engine threads were fixed when the backbone was opened, so they are not read here.
     *
     * @param cache the feature cache, or null to always recompute
     * @param threads FFmpeg threads per decoder and the number of clips decoded in parallel
     */
    public FeatureExtractor(Backbone backbone, SamplingParams sampling, Duration decodeTimeout,
            FeatureCache cache, ThreadSettings threads) {
        this.backbone = backbone;
        this.sampling = sampling;
        this.sampler = new FrameSampler(sampling, backbone.inputSize(), decodeTimeout)
                .withFfmpegThreads(threads.ffmpegThreads());
        this.cache = cache;
        log.debug("Extracting with backbone {} and threads {}", backbone.id(), threads);
        this.lookAhead = threads.decoders() + 1;
        AtomicInteger count = new AtomicInteger();
        this.decoders = Executors.newFixedThreadPool(threads.decoders(), runnable -> {
            Thread thread = new Thread(runnable, "actionrec-decode-" + count.incrementAndGet());
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
     * Clips decode in parallel, but the backbone and {@code onEach} receive them in input order. Decoding that is still pending when this method returns is cancelled.
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
                while (next < videos.size() && pending.size() < lookAhead) {
                    Path video = videos.get(next++);
                    pending.add(decoders.submit(() -> decode(video)));
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
        ClipFeatures features;
        try {
            features = computeFeatures(video, decoded.clip);
        } catch (RuntimeException e) {
            return ExtractionResult.failure(video, e);
        }
        if (decoded.key != null) {
            store(decoded.key, features);
        }
        return ExtractionResult.success(video, features, false);
    }

    /** Stores features in the cache; a cache that cannot be written only costs time later. */
    private void store(String key, ClipFeatures features) {
        try {
            cache.put(key, features);
        } catch (IOException | RuntimeException e) {
            if (!cacheWriteFailed) {
                log.warn("Cannot write the feature cache in {} ({}); features are computed"
                        + " again next time", cache.directory(), e.toString());
                cacheWriteFailed = true;
            } else {
                log.debug("Cannot write the feature cache entry {}: {}", key, e.toString());
            }
        }
    }

    private ClipFeatures computeFeatures(Path video, SampledClip clip) {
        List<VideoFrame> frames = clip.frames();
        INDArray vectors = backbone.features(frames);
        float[][] values = vectors.castTo(DataType.FLOAT).toFloatMatrix();
        for (float[] vector : values) {
            for (float value : vector) {
                if (!Float.isFinite(value)) {
                    throw new IllegalStateException("backbone " + backbone.id()
                            + " computed a non-finite feature (" + value + ") for " + video
                            + "; its weights or exported model may be damaged: delete the cache"
                            + " folder of the weights home, or try --engine dl4j");
                }
            }
        }
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
        decoders.shutdownNow();
    }

    private record Decoded(String key, SampledClip clip, ClipFeatures cached, Exception error) {}
}
