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

    /** Returns the settings for batch work on the processors available to the JVM. */
    public static ThreadSettings defaults() {
        return defaults(2);
    }

    /**
     * Returns the settings for {@code videos} videos on the processors available to the JVM.
     *
     * @see #forBudget(int, int)
     */
    public static ThreadSettings defaults(int videos) {
        return forBudget(Runtime.getRuntime().availableProcessors(), videos);
    }

    /** Splits a budget of {@code threads} threads for batch work, see {@link #forBudget(int, int)}. */
    public static ThreadSettings forBudget(int threads) {
        return forBudget(threads, 2);
    }

    /**
     * Splits a budget of {@code threads} threads for {@code videos} videos.
     *
     * <p>One video is decoded and then run through the engine, so the two never overlap and
     * each gets the whole budget: {@code engine=N,ffmpeg=N,decoders=1}.
     *
     * <p>Several videos overlap decoding with the engine, so they share the budget: the engine
     * gets half, rounded up, and clips decode in parallel on the other half, at least two of them,
     * each with a single-threaded FFmpeg decoder. For 2 threads that is {@code
     * engine=1,ffmpeg=1,decoders=2}: with at least two decoders, one clip decodes while the next
     * one opens, and single-threaded decoders do not compete with the engine.
     *
     * <p>On an idle 2-core x86-64 machine ({@code scripts/bench-threads 40 5},
     * docs/benchmarks.md) each rule gave the best of seven splits for its case: 674 ms to classify
     * a 30-s 720p clip and 1,329 fight-surveillance clips per minute.
     *
     * @throws IllegalArgumentException if {@code threads} is outside 1 to {@value #MAX} or
     *     {@code videos} is below 1
     */
    public static ThreadSettings forBudget(int threads, int videos) {
        check("thread budget", threads, 1);
        if (videos < 1) {
            throw new IllegalArgumentException("videos must be at least 1, got " + videos);
        }
        if (videos == 1) {
            return new ThreadSettings(threads, threads, 1);
        }
        // NOTE: budgets above 2 threads were not measured.
        int engine = (threads + 1) / 2;
        return new ThreadSettings(engine, 1, Math.max(2, threads / 2));
    }

    /**
     * Parses the text form, taking left-out keys from {@link #defaults()}.
     *
     * @throws IllegalArgumentException with a one-line message when the text is not valid
     */
    public static ThreadSettings parse(String text) {
        return parse(text, 2);
    }

    /**
     * Parses the text form for {@code videos} videos: a number N is split by {@link
     * #forBudget(int, int)}, and left-out keys come from {@link #defaults(int)}.
     *
     * @throws IllegalArgumentException with a one-line message when the text is not valid
     */
    public static ThreadSettings parse(String text, int videos) {
        return parse(text, defaults(videos), videos);
    }

    /**
     * Parses the text form, taking left-out keys from {@code defaults}.
     *
     * @throws IllegalArgumentException with a one-line message when the text is not valid
     */
    public static ThreadSettings parse(String text, ThreadSettings defaults) {
        return parse(text, defaults, 2);
    }

    private static ThreadSettings parse(String text, ThreadSettings defaults, int videos) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty thread setting; expected " + SYNTAX);
        }
        if (!trimmed.contains("=")) {
            if (!trimmed.matches("[+-]?\\d+")) {
                throw new IllegalArgumentException("thread setting '" + text + "' is neither a"
                        + " whole number nor a KEY=VALUE list; expected " + SYNTAX);
            }
            return forBudget(number(trimmed, "thread budget", text), videos);
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
        if (value.matches("[+-]?\\d{10,}")) {
            throw new IllegalArgumentException(name + " must be at most " + MAX + ", got "
                    + value);
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + value + "' in thread setting '"
                    + text + "' is not a whole number; expected " + SYNTAX);
        }
    }

    private static void check(String name, int value, int min) {
        if (value < min || value > MAX) {
            String unit = name.equals("decoders") ? " clips" : " threads";
            throw new IllegalArgumentException(name + " must be between " + min + " and " + MAX
                    + unit + ", got " + value);
        }
    }
}
