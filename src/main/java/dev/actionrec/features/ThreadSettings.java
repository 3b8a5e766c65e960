package dev.actionrec.features;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The split of CPU threads between the inference engine, FFmpeg and the Java threads that decode
 * clips during feature extraction.
 *
 * <p>Written as text either as one number N, a total budget split by {@link #forBudget(int)}, or
 * as {@code engine=E,ffmpeg=F,decoders=D} with any subset of the keys in any order; a key that is
 * left out takes its value from {@link #defaults()}.
 *
 * @param engineThreads threads of the backbone's forward pass (ONNX Runtime intra-op threads or
 *     ND4J's threads), 1 to {@value #MAX}
 * @param ffmpegThreads threads of each FFmpeg video decoder, 0 for FFmpeg's automatic choice,
 *     up to {@value #MAX}
 * @param decoders clips decoded in parallel, each on its own Java thread, 1 to {@value #MAX}
 */
public record ThreadSettings(int engineThreads, int ffmpegThreads, int decoders) {

    /** Upper bound of each value, which catches typing mistakes before threads are started. */
    public static final int MAX = 256;

    /** The text form that {@link #parse(String)} accepts, for error messages and help. */
    public static final String SYNTAX = "N or engine=E,ffmpeg=F,decoders=D";

    /**
     * Checks the ranges.
     *
     * @throws IllegalArgumentException when a value is out of its range
     */
    public ThreadSettings {
        check("engine", engineThreads, 1);
        check("ffmpeg", ffmpegThreads, 0);
        check("decoders", decoders, 1);
    }

    /** Returns the settings for the processors available to the JVM. */
    public static ThreadSettings defaults() {
        return forBudget(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Splits a budget of {@code threads} threads: the engine gets all of them, each FFmpeg
     * decoder runs single-threaded, and one clip decoder runs per 4 threads, at least one.
     *
     * <p>The engine keeps the whole budget because the backbone's forward pass is the larger part
     * of the work, and decoding runs while the engine waits for the next clip. Single-threaded
     * FFmpeg decoders on parallel clips scale better than frame threads inside one decoder,
     * because sampling seeks to keyframes and frame threading pays its start-up delay after every
     * seek.
     *
     * @throws IllegalArgumentException if {@code threads} is outside 1 to {@value #MAX}
     */
    public static ThreadSettings forBudget(int threads) {
        check("thread budget", threads, 1);
        // NOTE: measured on 2 processors only (scripts/bench-threads); the ratio of one decoder
        // per 4 threads for larger machines is an estimate.
        return new ThreadSettings(threads, 1, Math.max(1, threads / 4));
    }

    /**
     * Parses the text form, taking left-out keys from {@link #defaults()}.
     *
     * @throws IllegalArgumentException with a one-line message when the text is not valid
     */
    public static ThreadSettings parse(String text) {
        return parse(text, defaults());
    }

    /**
     * Parses the text form, taking left-out keys from {@code defaults}.
     *
     * @throws IllegalArgumentException with a one-line message when the text is not valid
     */
    public static ThreadSettings parse(String text, ThreadSettings defaults) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty thread setting; expected " + SYNTAX);
        }
        if (!trimmed.contains("=")) {
            try {
                return forBudget(Integer.parseInt(trimmed));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("thread setting '" + text + "' is neither a"
                        + " whole number nor a KEY=VALUE list; expected " + SYNTAX);
            }
        }

        int engine = defaults.engineThreads;
        int ffmpeg = defaults.ffmpegThreads;
        int decoders = defaults.decoders;
        Set<String> seen = new HashSet<>();
        for (String part : trimmed.split(",", -1)) {
            int equals = part.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("'" + part.strip() + "' in thread setting '"
                        + text + "' is not KEY=VALUE; expected " + SYNTAX);
            }
            String key = part.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            int value = number(part.substring(equals + 1).strip(), key, text);
            if (!seen.add(key)) {
                throw new IllegalArgumentException("key '" + key + "' appears twice in thread"
                        + " setting '" + text + "'");
            }
            switch (key) {
                case "engine" -> engine = value;
                case "ffmpeg" -> ffmpeg = value;
                case "decoders" -> decoders = value;
                default -> throw new IllegalArgumentException("unknown key '" + key
                        + "' in thread setting '" + text + "'; use engine, ffmpeg or decoders");
            }
        }
        return new ThreadSettings(engine, ffmpeg, decoders);
    }

    /** Returns the text form with every key, which {@link #parse(String)} reads back. */
    @Override
    public String toString() {
        return "engine=" + engineThreads + ",ffmpeg=" + ffmpegThreads + ",decoders=" + decoders;
    }

    private static int number(String value, String name, String text) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' in thread setting '"
                    + text + "' is not a whole number; expected " + SYNTAX);
        }
    }

    private static void check(String name, int value, int min) {
        if (value < min || value > MAX) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + MAX
                    + " threads, got " + value);
        }
    }
}
