package io.gvgap.tasks.nqopen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.task.Answer;
import io.gvgap.api.task.Example;
import io.gvgap.api.task.ExampleRequest;
import io.gvgap.api.task.Prompt;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.VerificationFormats;
import io.gvgap.tasks.common.DataLine;
import io.gvgap.tasks.common.FewShotVerificationFormats;
import io.gvgap.tasks.common.JsonLinesReader;
import io.gvgap.tasks.common.SeededSubset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The NQ-open task: a question, a short answer on the first line of the completion, and utility 1
 * when the normalised answer equals a normalised alias (option {@code extraction: strict}, the
 * default) or, with {@code extraction: flexible}, when a normalised alias occurs in it as whole
 * words.
 */
public final class NqOpenTask implements Task {

  /** Metadata key of the answer aliases, a JSON array of strings. */
  public static final String ALIASES = "aliases";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORMAT = "{\"question\": string, \"answer\": [string, ...]}";
  /** Labels a model may put before its answer: "A:", "Answer:", "The answer is". */
  private static final Pattern LABEL =
      Pattern.compile("(?i)^(?:a\\s*:|answer\\s*:|the answer is\\b:?)\\s*");

  private final NqOpenOptions options;
  private final String fewShotPrefix;
  private final VerificationFormats verification = new FewShotVerificationFormats(
      "Judge whether the proposed short answer to a factual question is correct.",
      NqOpenExemplars.JUDGED);

  /** Creates the task; the data file is read by {@link #examples}. */
  public NqOpenTask(NqOpenOptions options) {
    this.options = options;
    StringBuilder prefix = new StringBuilder("Answer each question with a short answer.\n\n");
    for (NqOpenExemplars.Answered shot : NqOpenExemplars.ANSWERED.subList(0, options.shots())) {
      prefix
          .append("Q: ")
          .append(shot.question())
          .append("?\nA: ")
          .append(shot.answer())
          .append("\n\n");
    }
    this.fewShotPrefix = prefix.toString();
  }

  @Override
  public List<Example> examples(ExampleRequest request) {
    List<DataLine> lines = new JsonLinesReader("nq-open", FORMAT).read(options.data());
    List<Example> examples = new ArrayList<>(lines.size());
    for (DataLine line : lines) {
      String question = line.text("question");
      List<String> aliases = line.texts("answer");
      try {
        examples.add(new Example(
            Integer.toString(line.lineNumber()),
            question,
            aliases.get(0),
            Map.of(ALIASES, JSON.writeValueAsString(aliases))));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a list of strings always serialises", e);
      }
    }
    return SeededSubset.select(examples, request);
  }

  @Override
  public Prompt generationPrompt(Example example) {
    return new Prompt(fewShotPrefix + "Q: " + example.question() + "?\nA:", List.of("\n"));
  }

  @Override
  public Answer extract(Example example, String completion) {
    String firstLine = completion.strip().lines().findFirst().orElse("");
    String answer = LABEL.matcher(firstLine.strip()).replaceFirst("");
    String normalized = ShortAnswers.normalize(answer);
    return normalized.isEmpty() ? Answer.none() : Answer.of(normalized);
  }

  @Override
  public double utility(Example example, Answer answer) {
    if (!answer.found()) {
      return 0;
    }
    String given = ShortAnswers.normalize(answer.value());
    boolean flexible = options.extraction().equals("flexible");
    for (String alias : aliases(example)) {
      String normalized = ShortAnswers.normalize(alias);
      if (normalized.equals(given)
          || (flexible && (" " + given + " ").contains(" " + normalized + " "))) {
        return 1;
      }
    }
    return 0;
  }

  private static List<String> aliases(Example example) {
    String json = example.metadata().get(ALIASES);
    if (json == null) {
      return List.of(example.reference());
    }
    try {
      return JSON.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "example " + example.id() + " has metadata \"aliases\" that is not a JSON"
              + " array of strings: " + json,
          e);
    }
  }

  @Override
  public VerificationFormats verification() {
    return verification;
  }
}
