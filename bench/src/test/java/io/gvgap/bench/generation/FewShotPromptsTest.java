package io.gvgap.bench.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FewShotPromptsTest {
  private static final Pattern SOLUTION = Pattern.compile(
      "A: (\\d+) \\+ (\\d+) = (\\d+); (\\d+) - (\\d+) = (\\d+)\\. " + "The answer is (\\d+)\\.");
  private static final Pattern QUESTION =
      Pattern.compile("Q: \\w+ has (\\d+) \\w+, buys (\\d+) more and gives away "
          + "(\\d+)\\. How many \\w+ are left\\?");

  @Test
  void promptsAreSeededSolvedExamplesThenAnOpenQuestion() {
    List<String> prompts = FewShotPrompts.build(20, 300, 1);
    assertThat(prompts).hasSize(20).doesNotHaveDuplicates();
    assertThat(FewShotPrompts.build(20, 300, 1)).isEqualTo(prompts);
    assertThat(FewShotPrompts.build(20, 300, 2)).isNotEqualTo(prompts);
    for (String prompt : prompts) {
      assertThat(prompt).endsWith("\nA:").startsWith("Q: ");
      assertThat(prompt.chars().allMatch(c -> c == '\n' || (c >= ' ' && c <= '~')))
          .isTrue();
      // each example is at most ~150 characters, so the closest whole number of examples is within
      // 75
      assertThat(Math.abs(prompt.length() - 300)).isLessThanOrEqualTo(75);
    }
  }

  @Test
  void everyWorkedSolutionIsArithmeticallyRightForItsQuestion() {
    int checked = 0;
    for (String prompt : FewShotPrompts.build(50, 400, 9)) {
      String[] blocks = prompt.split("\n\n");
      for (int b = 0; b < blocks.length - 1; b++) {
        String[] lines = blocks[b].split("\n");
        Matcher question = QUESTION.matcher(lines[0]);
        Matcher solution = SOLUTION.matcher(lines[1]);
        assertThat(question.matches()).as(lines[0]).isTrue();
        assertThat(solution.matches()).as(lines[1]).isTrue();
        int start = Integer.parseInt(question.group(1));
        int gained = Integer.parseInt(question.group(2));
        int given = Integer.parseInt(question.group(3));
        assertThat(given).isLessThan(start + gained);
        assertThat(Integer.parseInt(solution.group(3))).isEqualTo(start + gained);
        assertThat(Integer.parseInt(solution.group(6))).isEqualTo(start + gained - given);
        assertThat(Integer.parseInt(solution.group(7))).isEqualTo(start + gained - given);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(100);
  }
}
