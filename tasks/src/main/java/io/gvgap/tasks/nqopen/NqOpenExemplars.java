package io.gvgap.tasks.nqopen;

import io.gvgap.tasks.common.JudgedExample;
import java.util.List;

/** Hand-written exemplars in the NQ-open style (lower-case questions, short answers); none is from NQ. */
final class NqOpenExemplars {

  /** A question with its short answer. */
  record Answered(String question, String answer) {}

  static final List<Answered> ANSWERED = List.of(
      new Answered("who wrote the novel pride and prejudice", "Jane Austen"),
      new Answered("what is the capital city of australia", "Canberra"),
      new Answered("how many players does a football team have on the pitch", "11"),
      new Answered("when did the first humans land on the moon", "20 July 1969"),
      new Answered("what is the largest planet in the solar system", "Jupiter"),
      new Answered("who painted the mona lisa", "Leonardo da Vinci"),
      new Answered("what is the chemical symbol for gold", "Au"),
      new Answered("in which country is the city of kyoto", "Japan"));

  static final List<JudgedExample> JUDGED = List.of(
      new JudgedExample(
          "what is the capital of canada",
          "Ottawa",
          "Ottawa has been the capital of Canada since 1857.",
          9,
          "Toronto",
          "Toronto is the largest city of Canada, but the capital is Ottawa.",
          2),
      new JudgedExample(
          "how many legs does a spider have",
          "8",
          "Spiders are arachnids, which have eight legs.",
          9,
          "6",
          "Six legs is the number for insects; spiders are arachnids with eight legs.",
          1));

  private NqOpenExemplars() {}
}
