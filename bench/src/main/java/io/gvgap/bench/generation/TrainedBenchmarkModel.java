package io.gvgap.bench.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.models.FamilyMember;
import io.gvgap.onnx.decoder.ModelDirectory;
import io.gvgap.tasks.arithmetic.ArithmeticOptions;
import io.gvgap.tasks.arithmetic.ArithmeticTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A trained gvgap model directory that the generation benchmark runs (by default family v4's
 * committed {@code models/arith4-4x144}), with the prompts of the task it was trained on: the
 * arithmetic task's 3-shot prompts in family v4's mix ({@link FamilyMember#ARITHMETIC_MIX_OPTIONS}),
 * held-out seed 0, the prompts the study gives it. Trained weights make the next-token distributions
 * those of real use, so sampling and the top-p nucleus cost what they cost in a study.
 *
 * @param source the trained model's directory (left untouched; the benchmark works on a copy)
 */
public record TrainedBenchmarkModel(Path source) {
  /** The default trained model, relative to the repository root. */
  public static final String DEFAULT = "models/arith4-4x144";
  /** The value of {@code --small-model} that selects the random-weight model instead. */
  public static final String RANDOM = "random";
  /** Held-out seed of the prompts (the seed of the members' cards' held-out accuracy). */
  public static final long PROMPT_SEED = 0;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Checks that {@code source} is a gvgap model directory.
   *
   * @throws IllegalArgumentException naming the directory, the missing file and what to pass instead
   */
  public TrainedBenchmarkModel {
    for (String file : new String[] {ModelDirectory.MODEL_FILE, "config.json", "tokenizer.json"}) {
      if (!Files.isRegularFile(source.resolve(file))) {
        throw new IllegalArgumentException("--small-model " + source + ": no " + file + " there;"
            + " pass a gvgap model directory (e.g. " + DEFAULT + ", from the repository root) or '"
            + RANDOM + "' for the random-weight model");
      }
    }
  }

  /** The name in the result table: the directory's name, e.g. {@code arith4-4x144}. */
  public String name() {
    return source.toAbsolutePath().normalize().getFileName().toString();
  }

  /**
   * Copies the directory's files to {@code target} and removes the end-of-text id from
   * {@code config.json} and {@code generation_config.json}, so that every sample of both
   * implementations generates exactly the workload's new tokens (a trained model ends samples at
   * different points in each implementation's random stream).
   */
  public void write(Path target) throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (String file : new String[] {"config.json", "generation_config.json"}) {
      Path path = target.resolve(file);
      if (Files.isRegularFile(path)) {
        ObjectNode root = (ObjectNode) JSON.readTree(path.toFile());
        root.putNull("eos_token_id");
        JSON.writeValue(path.toFile(), root);
      }
    }
  }

  /** The first {@code count} held-out prompts of the task the model was trained on (3-shot). */
  public static List<String> prompts(int count) {
    return prompts(count, FamilyMember.ARITHMETIC_MIX_OPTIONS.shots());
  }

  /**
   * The first {@code count} held-out prompts of the task the model was trained on, with
   * {@code shots} solved problems (the members saw 3-shot prompts, 315 tokens for the first; 5 shots
   * give 727 tokens, near the ~600-token prompt of the paper's workload).
   *
   * @throws IllegalArgumentException when the task does not allow {@code shots} (0 to 8)
   */
  public static List<String> prompts(int count, int shots) {
    ArithmeticOptions mix = FamilyMember.ARITHMETIC_MIX_OPTIONS;
    ArithmeticTask task = new ArithmeticTask(new ArithmeticOptions(
        mix.digits(),
        mix.operations(),
        mix.terms(),
        mix.count(),
        shots,
        mix.verificationShots(),
        mix.minDigits()));
    List<String> prompts = new ArrayList<>();
    for (Example example : task.examples(new ExampleRequest(count, PROMPT_SEED))) {
      prompts.add(task.generationPrompt(example).text());
    }
    if (prompts.size() < count) {
      throw new IllegalArgumentException("the arithmetic task gives " + prompts.size()
          + " held-out prompts; the workload asks for " + count);
    }
    return prompts;
  }
}
