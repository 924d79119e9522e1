package io.gvgap.studies;

import io.gvgap.core.results.TaskSplit;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * How an improvement study splits each task's examples ({@code improve.split}): the distinct
 * questions, sorted, are shuffled with {@code seed} ({@link Collections#shuffle(List, Random)} with a
 * {@link Random} of that seed, the same on every JVM), and whole questions (every example asking
 * it) join the train split in that order until it holds {@code round(train × n)} examples or more;
 * the others form the evaluation split. Both splits are non-empty, and no question is in both.
 *
 * @param train the share of each task's examples in the train split, in (0, 1)
 * @param seed the shuffle's seed
 */
public record HeldOutSplit(double train, long seed) {

  /** The default share of the train split. */
  public static final double DEFAULT_TRAIN = 0.5;

  /** Checks the share. */
  public HeldOutSplit {
    if (!(train > 0 && train < 1)) {
      throw new IllegalArgumentException(
          "the train share must lie strictly between 0 and 1, was " + train);
    }
  }

  /**
   * Splits one task's examples whose questions are all different.
   *
   * @param task the task label
   * @param ids the task's example ids in the task's order, each once
   * @throws StudyException when there are too few examples for two non-empty splits
   */
  public TaskSplit split(String task, List<String> ids) {
    return split(task, ids, ids);
  }

  /**
   * Splits one task's examples, keeping examples that ask the same question on the same side (a
   * question asked twice must not be trained on under one id and evaluated under another): the
   * distinct questions, sorted, are shuffled with the seed, and whole questions go to the train split
   * until it holds {@code round(train × n)} examples or more.
   *
   * @param task the task label
   * @param ids the task's example ids in the task's order, each once
   * @param questions each example's question, in the order of {@code ids}
   * @throws StudyException when there are too few distinct questions for two non-empty splits
   */
  public TaskSplit split(String task, List<String> ids, List<String> questions) {
    if (new HashSet<>(ids).size() != ids.size() || questions.size() != ids.size()) {
      throw new IllegalArgumentException(
          "task '" + task + "' lists an example id twice, or not one question per id");
    }
    int n = ids.size();
    int wanted = (int) Math.round(train * n);
    Map<String, List<String>> byQuestion = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      byQuestion.computeIfAbsent(questions.get(i), q -> new ArrayList<>()).add(ids.get(i));
    }
    List<String> shuffled = new ArrayList<>(byQuestion.keySet());
    Collections.shuffle(shuffled, new Random(seed));
    Set<String> trainSet = new HashSet<>();
    for (String q : shuffled) {
      if (trainSet.size() >= wanted) {
        break;
      }
      trainSet.addAll(byQuestion.get(q));
    }
    if (wanted < 1 || trainSet.isEmpty() || trainSet.size() == n) {
      throw new StudyException("task '" + task + "' has " + n + " examples (" + shuffled.size()
          + " distinct questions), too few for a train share of " + train
          + " and a non-empty evaluation split; raise the task's limit or change"
          + " improve.split.train");
    }
    List<String> trainIds = ids.stream().filter(trainSet::contains).toList();
    List<String> evalIds = ids.stream().filter(id -> !trainSet.contains(id)).toList();
    return new TaskSplit(
        task, trainIds.size(), evalIds.size(), hash(trainIds), hash(evalIds), trainIds, evalIds);
  }

  /** SHA-256 (hex) of the ids, sorted, each followed by a newline. */
  public static String hash(List<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    Collections.sort(sorted);
    StringBuilder text = new StringBuilder();
    sorted.forEach(id -> text.append(id).append('\n'));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
