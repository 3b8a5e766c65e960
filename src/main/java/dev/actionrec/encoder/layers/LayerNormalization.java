package dev.actionrec.encoder.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layer normalisation over the feature axis of a sequence, applied to every step on its own:
 * {@code y = gain * (x - mean) / sqrt(variance + epsilon) + bias}, with the mean and the biased
 * variance taken over the features of one step.
 *
 * <p>Input and output shape {@code [batch, size, time]}. The learned {@code gain} starts at 1 and
 * {@code bias} at 0, both of shape {@code [1, size]}. Padded steps are normalised like real ones,
 * so later layers must ignore them through the sequence mask, which this layer passes on
 * unchanged. DL4J 1.0.0-M2.1 has a layer-norm op in SameDiff but no layer, hence this class.
 *
 * <p>The public no-argument constructor and bean accessors let DL4J's JSON configuration (used
 * by {@code ModelSerializer}) restore the layer.
 */
public class LayerNormalization extends SequenceLayer {

    /** Name of the gain parameter. */
    public static final String GAIN = "gain";

    /** Name of the bias parameter. */
    public static final String BIAS = "bias";

    /** Default epsilon added to the variance. */
    public static final double DEFAULT_EPSILON = 1e-5;

    private double epsilon = DEFAULT_EPSILON;

    /** Creates an unconfigured layer, for JSON deserialisation; set {@link #setSize} before use. */
    public LayerNormalization() {}

    /** Creates a layer normalising {@code size} features per step. */
    public LayerNormalization(int size) {
        super(size);
    }

    /** Returns the constant added to the variance before the square root. */
    public double getEpsilon() {
        return epsilon;
    }

    /** Sets the constant added to the variance before the square root. */
    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(GAIN, 1, getSize());
        params.addBiasParam(BIAS, 1, getSize());
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.get(GAIN).assign(1.0);
        params.get(BIAS).assign(0.0);
    }

    @Override
    public SDVariable defineLayer(
            SameDiff sameDiff,
            SDVariable layerInput,
            Map<String, SDVariable> paramTable,
            SDVariable mask) {
        SDVariable mean = layerInput.mean(true, 1);
        SDVariable centred = layerInput.sub(mean);
        SDVariable variance = centred.mul(centred).mean(true, 1);
        SDVariable normalised = centred.div(sameDiff.math.sqrt(variance.add(epsilon)));

        SDVariable gain = paramTable.get(GAIN).reshape(1, getSize(), 1);
        SDVariable bias = paramTable.get(BIAS).reshape(1, getSize(), 1);
        return normalised.mul(gain).add(bias);
    }
}
