package io.gvgap.tasks.nqopen;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gvgap.api.task.Example;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads an example's aliases back from its metadata, independently of the task's own code. */
final class NqOpenTaskAliases {

  private NqOpenTaskAliases() {}

  static List<String> of(Example example) {
    try {
      return new ObjectMapper()
          .readValue(
              example.metadata().get(NqOpenTask.ALIASES), new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
