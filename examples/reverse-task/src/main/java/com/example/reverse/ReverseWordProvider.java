package com.example.reverse;

import io.gvgap.api.Option;
import io.gvgap.api.task.Task;
import io.gvgap.api.task.TaskProvider;

/**
 * The {@code reverse-word} task plugin: "reverse the letters of a word". gvgap finds this class
 * through {@code META-INF/services/io.gvgap.api.task.TaskProvider} and creates it with the options a
 * run spec gives ({@code tasks: [{name: reverse-word, options: {letters: 5}}]}).
 */
public final class ReverseWordProvider implements TaskProvider<ReverseWordProvider.Options> {

  /**
   * Options of the task; a spec may give exactly these keys.
   *
   * @param letters how many letters each word has
   */
  public record Options(@Option(description = "letters per word, from 2 to 12", defaultValue = "4") int letters) {
    /** Rejects lengths the task does not make; gvgap reports the message with the spec's line. */
    public Options {
      if (letters < 2 || letters > 12) {
        throw new IllegalArgumentException("letters must be from 2 to 12, was " + letters);
      }
    }
  }

  /** A public no-argument constructor, as {@link java.util.ServiceLoader} needs. */
  public ReverseWordProvider() {
  }

  @Override
  public String name() {
    return "reverse-word";
  }

  @Override
  public String description() {
    return "reverse the letters of a made-up word (an example third-party task)";
  }

  @Override
  public Class<Options> optionsType() {
    return Options.class;
  }

  @Override
  public Task create(Options options) {
    return new ReverseWordTask(options.letters());
  }
}
