package dev.actionrec.features.convert;

import java.util.ArrayList;
import java.util.List;

/**
 * The MobileNetV2 (width 1.0) layer list, built from the inverted-residual block table of
 * Sandler et al., "MobileNetV2: Inverted Residuals and Linear Bottlenecks", CVPR 2018, with the
 * same vertex names that {@link TfliteGraphReader} gives the TFLite model.
 */
public final class MobileNetV2Architecture {

    /** Rows {expansion t, output channels c, repeats n, first stride s}. */
    private static final int[][] BLOCKS = {
        {1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
        {6, 160, 3, 2}, {6, 320, 1, 1},
    };

    private final List<LayerSpec> layers = new ArrayList<>();

    private MobileNetV2Architecture() {}

    /**
     * Returns the network for square inputs of {@code inputSize} pixels and {@code classes}
     * logits. The ImageNet weights use 224 and 1001 (index 0 = background).
     */
    public static NetworkSpec spec(int inputSize, int classes) {
        return new MobileNetV2Architecture().build(inputSize, classes);
    }

    private NetworkSpec build(int inputSize, int classes) {
        String last = add(new LayerSpec.Conv(name("conv"), NetworkSpec.INPUT, 3, 2, 3, 32, true));
        int channels = 32;
        for (int[] block : BLOCKS) {
            for (int repeat = 0; repeat < block[2]; repeat++) {
                int stride = repeat == 0 ? block[3] : 1;
                last = invertedResidual(last, channels, block[0], block[1], stride);
                channels = block[1];
            }
        }
        last = add(new LayerSpec.Conv(name("conv"), last, 1, 1, channels, 1280, true));
        last = add(new LayerSpec.GlobalAvgPool("features", last, 1280));
        add(new LayerSpec.Dense("logits", last, 1280, classes));
        return new NetworkSpec(inputSize, layers, "features", "logits");
    }

    private String invertedResidual(String input, int nIn, int expansion, int nOut, int stride) {
        String last = input;
        int hidden = nIn * expansion;
        if (expansion != 1) {
            last = add(new LayerSpec.Conv(name("conv"), last, 1, 1, nIn, hidden, true));
        }
        last = add(new LayerSpec.Depthwise(name("dw"), last, 3, stride, hidden, 1, true));
        last = add(new LayerSpec.Conv(name("conv"), last, 1, 1, hidden, nOut, false));
        if (stride == 1 && nIn == nOut) {
            last = add(new LayerSpec.Add(name("add"), last, input));
        }
        return last;
    }

    private String name(String kind) {
        return String.format("%s_%03d", kind, layers.size());
    }

    private String add(LayerSpec layer) {
        layers.add(layer);
        return layer.name();
    }
}
