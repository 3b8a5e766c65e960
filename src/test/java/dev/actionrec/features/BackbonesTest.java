package dev.actionrec.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.nio.file.Path;

/** The backbone registry: identifiers, static facts and errors, without loading weights. */
class BackbonesTest {

    @TempDir
    Path home;

    @Test
    void idsListEveryBackbone() {
        assertEquals(List.of("mobilenetv2", "squeezenet-v1.0", "resnet50", "squeezenet", "vgg16",
                "darknet19", "xception"), Backbones.ids());
    }

    @Test
    void infosHaveDistinctWeightFiles() {
        List<BackboneInfo> infos = Backbones.infos();
        var names = new HashSet<String>();
        for (BackboneInfo info : infos) {
            assertTrue(names.add(info.weights().fileName()), info.weights().fileName());
            assertTrue(info.parameterCount() > 0, info.id());
            assertTrue(info.inputSize() >= 224, info.id());
        }
    }

    @Test
    void infoIgnoresCaseAndSpaces() {
        assertEquals("squeezenet-v1.0", Backbones.info(" SqueezeNet-v1.0 ").id());
    }

    @Test
    void unknownIdListsChoices() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Backbones.open("alexnet", WeightsOptions.defaults().withHome(home)));

        assertTrue(e.getMessage().contains("'alexnet'"), e.getMessage());
        for (String id : Backbones.ids()) {
            assertTrue(e.getMessage().contains(id), e.getMessage());
        }
    }

    @Test
    void zooWeightsUseZooUrlAndAdler32() {
        WeightFile resnet = Backbones.info("resnet50").weights();

        assertEquals("resnet50_dl4j_inference.v3.zip", resnet.fileName());
        assertTrue(resnet.url().toString().endsWith("/models/resnet50_dl4j_inference.v3.zip"),
                resnet.url().toString());
        assertEquals(3914447815L, resnet.adler32());
        assertFalse(resnet.hasKnownSize());
    }

    @Test
    void offlineZooMessageNamesFile() {
        WeightsOptions offline = WeightsOptions.defaults().withHome(home).withWeightsDir(null)
                .withWeightsFile(null).withDownload(false);
        WeightFile xception = Backbones.info("xception").weights();

        var e = assertThrows(WeightsException.class, () -> Backbones.open("xception", offline));

        assertTrue(e.getMessage().contains(xception.fileName()), e.getMessage());
        assertTrue(e.getMessage().contains(xception.url().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(home.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("--weights"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
