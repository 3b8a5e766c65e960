package dev.actionrec.eval;

import static dev.actionrec.eval.Html.cell;
import static dev.actionrec.eval.Html.escape;
import static dev.actionrec.eval.Html.numberCell;
import static dev.actionrec.eval.Html.ratio;

import dev.actionrec.data.SkippedFile;
import dev.actionrec.model.ModelMetadata;
import java.util.List;

/** Formats the self-contained HTML page of a report folder. */
final class ReportHtml {

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1200px;
                   padding: 0 1em; color: #222; line-height: 1.4; }
            h1 { margin-bottom: 0.2em; }
            h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 1.6em; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #ddd; padding: 0.3em 0.6em; text-align: left;
                     vertical-align: top; }
            thead th, tr:first-child th { background: #f3f6f9; }
            table.kv th { background: #f3f6f9; white-space: nowrap; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            td.path { overflow-wrap: anywhere; max-width: 32em; }
            .metrics { display: flex; flex-wrap: wrap; gap: 1em; }
            .metric { border: 1px solid #ccc; border-radius: 6px; padding: 0.6em 1.2em;
                      min-width: 10em; }
            .metric .value { font-size: 2em; font-weight: bold; }
            .metric .detail { color: #666; }
            img.chart { max-width: 100%; height: auto; border: 1px solid #eee; }
            td ol { margin: 0; padding-left: 1.6em; }
            img.thumb { width: 112px; height: 112px; display: block; }
            .note { color: #a33; font-size: 0.9em; max-width: 14em; }
            """;

    private ReportHtml() {}

    /**
     * Formats the page.
     *
     * @param trainingPng PNG of the training curves, or null when the model has no history
     * @param omitted misclassified clips left out of {@code misclassified}
     */
    static String format(EvaluationReport report, ModelMetadata model, List<SkippedFile> skipped,
            String splitDescription, byte[] confusionPng, byte[] trainingPng,
            List<MisclassifiedClip> misclassified, int omitted) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>actionrec evaluation: ").append(escape(model.encoder()))
                .append(" on ").append(escape(model.backbone().id())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>Evaluation report</h1>\n");
        html.append(headline(report));
        html.append(ModelHtml.modelSection(model));
        html.append(ModelHtml.splitSection(splitDescription, report.count()));
        html.append(classTable(report));
        html.append(image("confusion", "Confusion matrix",
                "rows: true label, columns: predicted label", confusionPng));
        html.append(trainingPng == null
                ? "<section id=\"training\">\n<h2>Training curves</h2>\n<p>The model file has no"
                        + " per-epoch history.</p>\n</section>\n"
                : image("training", "Training curves", "the vertical line marks the kept epoch",
                        trainingPng));
        html.append(MisclassifiedHtml.section(report.labels(), misclassified, omitted));
        html.append(skippedSection(skipped));
        return html.append("</body>\n</html>\n").toString();
    }

    private static String headline(EvaluationReport report) {
        return "<section class=\"metrics\">\n"
                + metric("accuracy", report.accuracy(),
                        report.correct() + " of " + report.count() + " clips")
                + metric("top-" + report.topK() + " accuracy", report.topKAccuracy(),
                        report.topKCorrect() + " of " + report.count() + " clips")
                + metric("mean class accuracy", report.meanClassAccuracy(), "mean recall")
                + metric("macro-F1", report.macroF1(), "over observed classes")
                + "</section>\n";
    }

    private static String metric(String name, double value, String detail) {
        return "<div class=\"metric\"><div>" + escape(name) + "</div><div class=\"value\">"
                + ratio(value) + "</div><div class=\"detail\">" + escape(detail)
                + "</div></div>\n";
    }

    private static String classTable(EvaluationReport report) {
        StringBuilder html =
                new StringBuilder("<section id=\"classes\">\n<h2>Per-class results</h2>\n"
                + "<table>\n");
        html.append(Html.headerRow("class", "clips", "tp", "fn", "fp", "precision", "recall",
                "F1"));
        for (ClassMetrics m : report.classMetrics()) {
            html.append("<tr>").append(cell(m.label()))
                    .append(numberCell(Integer.toString(m.support())))
                    .append(numberCell(Integer.toString(m.truePositives())))
                    .append(numberCell(Integer.toString(m.falseNegatives())))
                    .append(numberCell(Integer.toString(m.falsePositives())))
                    .append(numberCell(ratio(m.precision())))
                    .append(numberCell(ratio(m.recall())))
                    .append(numberCell(ratio(m.f1()))).append("</tr>\n");
        }
        html.append("<tr><th>macro average</th><td></td><td></td><td></td><td></td>")
                .append(numberCell(ratio(report.macroPrecision())))
                .append(numberCell(ratio(report.macroRecall())))
                .append(numberCell(ratio(report.macroF1()))).append("</tr>\n");
        return html.append("</table>\n</section>\n").toString();
    }

    private static String image(String id, String title, String caption, byte[] png) {
        return "<section id=\"" + id + "\">\n<h2>" + escape(title) + "</h2>\n"
                + "<p>" + escape(caption) + "</p>\n"
                + "<img class=\"chart\" alt=\"" + escape(title) + "\" src=\""
                + Html.pngDataUri(png) + "\">\n</section>\n";
    }

    private static String skippedSection(List<SkippedFile> skipped) {
        StringBuilder html =
                new StringBuilder("<section id=\"skipped\">\n<h2>Skipped files</h2>\n");
        if (skipped.isEmpty()) {
            return html.append("<p>None: every file was evaluated.</p>\n</section>\n").toString();
        }
        html.append("<p>").append(skipped.size())
                .append(" file(s) were not evaluated.</p>\n<table>\n")
                .append(Html.headerRow("file", "reason"));
        for (SkippedFile file : skipped) {
            html.append("<tr><td class=\"path\">").append(escape(file.path().toString()))
                    .append("</td>").append(cell(file.reason())).append("</tr>\n");
        }
        return html.append("</table>\n</section>\n").toString();
    }
}
