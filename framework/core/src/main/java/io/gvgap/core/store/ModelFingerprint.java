package io.gvgap.core.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The content identity of one model of a run, as {@code run.json} records it when the run directory
 * is created: a resumed run must find the same fingerprint for every model that has one.
 *
 * @param label the model's label in the spec (results are filed under it)
 * @param source which model it was, for messages: the backend's name and its options as resolved
 *     (for the onnx backend they include the model directory's path)
 * @param fingerprint the backend's {@linkplain io.gvgap.api.model.ModelBackend#contentFingerprint
 *     content fingerprint} (for onnx, the hex SHA-256 of the model's files)
 */
public record ModelFingerprint(String label, String source, String fingerprint) {

  /** How many leading characters {@link #shortFingerprint} keeps: enough to tell versions apart by eye. */
  public static final int SHORT_LENGTH = 12;

  /** Checks that no field is null. */
  public ModelFingerprint {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /**
   * The models whose content differs between two records of one run's models: for each fingerprint
   * of {@code now} whose label {@code recorded} also holds with another fingerprint, the pair
   * (recorded, now), in {@code now}'s order. A label that only one side holds is not compared.
   */
  public static List<Map.Entry<ModelFingerprint, ModelFingerprint>> changes(
      List<ModelFingerprint> recorded, List<ModelFingerprint> now) {
    Map<String, ModelFingerprint> byLabel = new HashMap<>();
    recorded.forEach(m -> byLabel.putIfAbsent(m.label(), m));
    return now.stream()
        .filter(m -> byLabel.containsKey(m.label()))
        .filter(m -> !byLabel.get(m.label()).fingerprint().equals(m.fingerprint()))
        .map(m -> Map.entry(byLabel.get(m.label()), m))
        .toList();
  }

  /** The fingerprint's first {@link #SHORT_LENGTH} characters, for messages. */
  public String shortFingerprint() {
    return fingerprint.length() <= SHORT_LENGTH
        ? fingerprint
        : fingerprint.substring(0, SHORT_LENGTH);
  }
}
