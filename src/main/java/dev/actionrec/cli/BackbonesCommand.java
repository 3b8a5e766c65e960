package dev.actionrec.cli;

import dev.actionrec.features.MobileNetV2Backbone;
import dev.actionrec.features.WeightFile;
import dev.actionrec.features.WeightStore;
import dev.actionrec.features.WeightsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code actionrec backbones}: lists the frame backbones and whether their weights are here. */
@Command(name = "backbones", mixinStandardHelpOptions = true,
        description = "List the frame backbones, their input and feature sizes, and whether their"
                + " weight file is present locally (nothing is downloaded).")
final class BackbonesCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin ExtractionOptions extraction;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-12s %-9s %-8s %-36s %s%n",
                "backbone", "input", "features", "weight file", "local copy");
        WeightFile weights = WeightFile.MOBILENET_V2_QUANT;
        out.printf(Locale.ROOT, "%-12s %-9s %-8d %-36s %s%n",
                MobileNetV2Backbone.ID,
                MobileNetV2Backbone.INPUT_SIZE + "x" + MobileNetV2Backbone.INPUT_SIZE,
                MobileNetV2Backbone.FEATURE_SIZE,
                weights.fileName() + " (" + weights.sizeBytes() / 1024 + " KiB)",
                localCopy(weights));
        out.flush();
        return ExitCodes.OK;
    }

    private String localCopy(WeightFile weights) {
        try {
            Path found = new WeightStore(extraction.weightsOptions().withDownload(false))
                    .locate(weights);
            return found.toString();
        } catch (WeightsException e) {
            return "missing (downloaded on first use from " + weights.url() + ")";
        }
    }
}
