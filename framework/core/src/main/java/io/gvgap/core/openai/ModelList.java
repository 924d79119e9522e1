package io.gvgap.core.openai;

import java.util.List;

/**
 * The {@code GET /v1/models} answer.
 *
 * @param object {@code list}
 * @param data the served models
 */
public record ModelList(String object, List<Entry> data) {

  /**
   * One served model.
   *
   * @param id the name clients send as {@code model}
   * @param object {@code model}
   * @param ownedBy who serves it
   */
  public record Entry(String id, String object, String ownedBy) {}

  /** A list of one model. */
  public static ModelList of(String id, String ownedBy) {
    return new ModelList("list", List.of(new Entry(id, "model", ownedBy)));
  }
}
