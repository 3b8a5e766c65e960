package dev.actionrec.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Assigns clips to groups: the source video, actor or session each clip was cut from.
 *
 * @see GroupSplitter
 */
public interface Groups {

    /**
     * File-name pattern of UCF101 and similar datasets, whose names hold the group as {@code
     * _gNN_}; for example {@code v_ApplyEyeMakeup_g08_c01.avi} is in group {@code g08}.
     */
    String UCF101_PATTERN = "_(g\\d+)_";

    /** Returns the group of the clip, or empty if this source does not know it. */
    Optional<String> groupOf(LabelledClip clip);

    /** Returns groups taken from this source first and from {@code fallback} for other clips. */
    default Groups orElse(Groups fallback) {
        Groups first = this;
        return new Groups() {
            @Override
            public Optional<String> groupOf(LabelledClip clip) {
                return first.groupOf(clip).or(() -> fallback.groupOf(clip));
            }

            @Override
            public String toString() {
                return first + " or " + fallback;
            }
        };
    }

    /**
     * Reads a group table as CSV with a {@code path} column and a {@code source_group} or {@code
     * group} column; other columns are ignored.
     *
     * <p>A clip matches a row when the last two parts of the row's path (class folder and file
     * name) equal those of the clip's path, or else when the file names are equal and no other row
     * has that file name.
     *
     * @throws DatasetException if the file is missing or lacks those columns
     * @throws IOException if it cannot be read
     */
    static Groups fromCsv(Path csv) throws IOException {
        return GroupTable.read(csv);
    }

    /**
     * Takes the group from the clip's file name with a regular expression that has exactly one
     * capture group; the first match anywhere in the name is used.
     *
     * @throws IllegalArgumentException if the expression is invalid or does not have exactly one
     *     capture group
     */
    static Groups fromPattern(String regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "invalid --group-pattern '" + regex + "': " + e.getDescription(), e);
        }
        int captures = pattern.matcher("").groupCount();
        if (captures != 1) {
            throw new IllegalArgumentException(
                    "--group-pattern '"
                            + regex
                            + "' has "
                            + captures
                            + " capture groups; it needs exactly one, around the group name, for"
                            + " example _(g\\d+)_");
        }
        return new Groups() {
            @Override
            public Optional<String> groupOf(LabelledClip clip) {
                Matcher matcher = pattern.matcher(clip.path().getFileName().toString());
                return matcher.find() ? Optional.ofNullable(matcher.group(1)) : Optional.empty();
            }

            @Override
            public String toString() {
                return "file-name pattern " + regex;
            }
        };
    }

    /** Returns groups from the UCF101 file-name pattern {@link #UCF101_PATTERN}. */
    static Groups ucf101() {
        return fromPattern(UCF101_PATTERN);
    }
}
