package dev.actionrec.eval;

import static dev.actionrec.eval.Html.cell;
import static dev.actionrec.eval.Html.escape;

import java.util.List;
import java.util.Locale;

/** Formats the misclassified clips of the HTML report, with thumbnails and top-3 guesses. */
final class MisclassifiedHtml {

    /** Number of most probable labels listed per clip. */
    static final int GUESSES = 3;

    private MisclassifiedHtml() {}

    static String section(List<String> labels, List<MisclassifiedClip> clips, int omitted) {
        StringBuilder html =
                new StringBuilder("<section id=\"misclassified\">\n<h2>Misclassified clips</h2>\n");
        if (clips.isEmpty() && omitted == 0) {
            return html.append("<p>None: every clip was predicted correctly.</p>\n</section>\n")
                    .toString();
        }
        html.append("<p>").append(clips.size() + omitted)
                .append(" clip(s). The thumbnail is the middle sampled frame, and the true label"
                        + " is in bold among the guesses.</p>\n<table>\n")
                .append(Html.headerRow("frame", "clip", "true label", "top-"
                        + Math.min(GUESSES, labels.size()) + " guesses"));
        for (MisclassifiedClip clip : clips) {
            html.append(row(labels, clip));
        }
        html.append("</table>\n");
        if (omitted > 0) {
            html.append("<p>").append(omitted)
                    .append(" more misclassified clip(s) are listed in predictions.csv.</p>\n");
        }
        return html.append("</section>\n").toString();
    }

    private static String row(List<String> labels, MisclassifiedClip clip) {
        Prediction prediction = clip.prediction();
        String frame = clip.thumbnailPng() == null
                ? "<td class=\"note\">" + escape(clip.note()) + "</td>"
                : "<td><img class=\"thumb\" alt=\"middle frame\" src=\""
                        + Html.pngDataUri(clip.thumbnailPng()) + "\"></td>";
        return "<tr>" + frame + "<td class=\"path\">" + escape(prediction.path()) + "</td>"
                + cell(labels.get(prediction.actual())) + "<td>" + guesses(labels, prediction)
                + "</td></tr>\n";
    }

    private static String guesses(List<String> labels, Prediction prediction) {
        StringBuilder html = new StringBuilder("<ol>");
        for (int index : prediction.topK(GUESSES)) {
            String text = String.format(Locale.ROOT, "%s %.3f", labels.get(index),
                    prediction.probability(index));
            boolean correct = index == prediction.actual();
            html.append(correct ? "<li><strong>" : "<li>").append(escape(text))
                    .append(correct ? "</strong></li>" : "</li>");
        }
        return html.append("</ol>").toString();
    }
}
