package io.gvgap.studies;

import io.gvgap.core.registry.PluginRegistry;
import io.gvgap.core.results.RoundsFile;
import io.gvgap.core.spec.ResolvedRunSpec;
import io.gvgap.core.spec.RunSpecResolver;
import io.gvgap.onnx.train.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs an improvement spec in this JVM, as the improve command does; as a program
 * ({@code SPEC [HALT_AT_STEP]}) it can halt its JVM at a distillation step, without shutdown hooks,
 * to crash it mid-training.
 */
final class ImproveRunner {

  private ImproveRunner() {}

  static RoundsFile run(Path specFile, List<String> log, ProgressListener listener)
      throws Exception {
    ImproveSpec spec = ImproveSpecLoader.load(specFile);
    PluginRegistry registry = PluginRegistry.load(ImproveRunner.class.getClassLoader());
    ResolvedRunSpec base = RunSpecResolver.resolve(spec.run(), registry, specFile);
    return new ImprovementStudy(
            registry,
            new PipelineExecutor(registry),
            log::add,
            listener,
            spec.dedup().deduplicator())
        .run(spec, base, Files.readString(specFile));
  }

  public static void main(String[] args) throws Exception {
    long haltAt = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
    run(Path.of(args[0]), new java.util.ArrayList<>(), progress -> {
      if (progress.step() >= haltAt) {
        System.out.println("halting at distillation step " + progress.step());
        System.out.flush();
        Runtime.getRuntime().halt(137);
      }
    });
  }
}
