package dev.actionrec.features;

import dev.actionrec.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.actionrec.video.VideoFrame;
import org.nd4j.linalg.api.ndarray.INDArray;

public class OnnxScratch {
    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("scratch");
        WeightsOptions options = WeightsOptions.defaults().withHome(home).withWeightsDir(SharedData.resolve("weights")).withDownload(false);
        String id = args[0];
        int threads = Integer.parseInt(args[1]);
        List<VideoFrame> frames = new ArrayList<>();
        String[] photos = {"cat.bmp", "parrot.jpg", "hot_dog.jpg", "bird.bmp", "dog.jpg"};
        int size = Backbones.info(id).inputSize();
        for (int i = 0; i < 30; i++) {
            var image = javax.imageio.ImageIO.read(SharedData.resolve("photos/" + photos[i % 5]).toFile());
            frames.add(FrameGeometry.resizeAndCrop(image, size));
        }
        try (Backbone dl4j = Backbones.open(id, options, InferenceEngine.DL4J, threads);
             Backbone ort = Backbones.open(id, options, InferenceEngine.ONNXRUNTIME, threads)) {
            INDArray a = dl4j.features(frames);
            INDArray b = ort.features(frames);
            System.out.println("max abs diff " + a.sub(b).amaxNumber() + " max abs " + a.amaxNumber() + " mean abs " + a.ameanNumber());
            for (Backbone bb : List.of(dl4j, ort)) {
                for (int r = 0; r < 3; r++) bb.features(frames);
                long t = System.nanoTime();
                int runs = 5;
                for (int r = 0; r < runs; r++) bb.features(frames);
                System.out.printf("%s %.1f ms/frame%n", bb.getClass().getSimpleName(), (System.nanoTime() - t) / 1e6 / runs / frames.size());
            }
        }
    }
}
