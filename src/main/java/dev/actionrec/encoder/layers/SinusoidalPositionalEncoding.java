package dev.actionrec.encoder.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adds the fixed sinusoidal positional encoding to a sequence:
 * {@code PE[2i, t] = sin(t / 10000^(2i/d))} and {@code PE[2i+1, t] = cos(t / 10000^(2i/d))}, for
 * step {@code t} counted from 0 and feature {@code 2i} or {@code 2i+1} of {@code d}.
 *
 * <p>Input and output shape {@code [batch, size, time]}. The layer has no parameters. It computes
 * the positions from the input's time axis, so any length works. The cosine is written as {@code
 * sin(angle + pi/2)} to keep the graph to one sine. The sequence mask passes through unchanged.
 *
 * <p>The public no-argument constructor and bean accessors let DL4J's JSON configuration (used
 * by {@code ModelSerializer}) restore the layer.
 */
public class SinusoidalPositionalEncoding extends SequenceLayer {

    private static final double WAVELENGTH_BASE = 10000.0;

    private int maxSteps;

    /** Creates an unconfigured layer, for JSON deserialisation; set the size before use. */
    public SinusoidalPositionalEncoding() {}

    /**
     * Creates a layer for sequences of {@code size} features per step and at most {@code
     * maxSteps} steps.
     */
    public SinusoidalPositionalEncoding(int size, int maxSteps) {
        super(size);
        this.maxSteps = maxSteps;
    }

    /**
     * Returns the longest sequence, in steps, that the encoder accepts. The layer itself computes
     * any length, and {@code Encoders.predict} enforces this limit.
     */
    public int getMaxSteps() {
        return maxSteps;
    }

    /** Sets the longest sequence, in steps, that the encoder accepts. */
    public void setMaxSteps(int maxSteps) {
        this.maxSteps = maxSteps;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // No parameters: the encoding is a fixed function of the position.
    }

    @Override
    public SDVariable defineLayer(
            SameDiff sameDiff,
            SDVariable layerInput,
            Map<String, SDVariable> paramTable,
            SDVariable mask) {
        // [batch, 1, time] of ones, whose exclusive cumulative sum is the step index 0..time-1.
        SDVariable ones = sameDiff.onesLike(layerInput).mean(true, 1);
        SDVariable positions = sameDiff.cumsum(ones, true, false, 2);

        INDArray frequencies = Nd4j.create(DataType.FLOAT, 1, getSize(), 1);
        INDArray phases = Nd4j.create(DataType.FLOAT, 1, getSize(), 1);
        for (int i = 0; i < getSize(); i++) {
            double exponent = (2.0 * (i / 2)) / getSize();
            frequencies.putScalar(new long[] {0, i, 0}, 1.0 / Math.pow(WAVELENGTH_BASE, exponent));
            phases.putScalar(new long[] {0, i, 0}, i % 2 == 0 ? 0.0 : Math.PI / 2);
        }
        SDVariable angles = positions.mul(sameDiff.constant(frequencies.castTo(layerInput.dataType())))
                .add(sameDiff.constant(phases.castTo(layerInput.dataType())));
        return layerInput.add(sameDiff.math.sin(angles));
    }
}
