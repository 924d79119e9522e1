package io.gvgap.verifiers;

import static org.assertj.core.api.Assertions.assertThat;

import io.gvgap.api.Option;
import io.gvgap.api.verify.Verifier;
import io.gvgap.api.verify.VerifierProvider;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class VerifierProvidersTest {

  private static List<VerifierProvider<?>> providers() {
    List<VerifierProvider<?>> found = new ArrayList<>();
    ServiceLoader.load(VerifierProvider.class).forEach(found::add);
    return found;
  }

  private static <O extends Record> Verifier createWithDefaults(VerifierProvider<O> provider) {
    return provider.create(OptionDefaults.of(provider.optionsType()));
  }

  @Test
  void everyBuiltInVerifierIsRegistered() {
    assertThat(providers())
        .extracting(VerifierProvider::name)
        .containsExactly(
            "oracle",
            "majority",
            "logprob",
            "mc",
            "cot-binary",
            "cot-score",
            "tournament",
            "ensemble",
            "greedy-agreement");
  }

  @Test
  void everyOptionIsDocumentedAndItsDefaultsAreValid() {
    for (VerifierProvider<?> provider : providers()) {
      assertThat(provider.name()).matches("[a-z0-9]+(-[a-z0-9]+)*");
      assertThat(provider.description()).isNotBlank();
      for (RecordComponent component : provider.optionsType().getRecordComponents()) {
        Option option = component.getAnnotation(Option.class);
        assertThat(option).as(provider.name() + "." + component.getName()).isNotNull();
        assertThat(option.description()).isNotBlank();
      }
      if (!provider
          .name()
          .equals("ensemble")) { // its members are required: tested in EnsembleVerifierTest
        assertThat(createWithDefaults(provider)).isNotNull();
      }
    }
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(OptionDefaults.of(CotOptions.class)).isEqualTo(new CotOptions(1, 0.7, 256));
    assertThat(OptionDefaults.of(TournamentVerifier.Options.class))
        .isEqualTo(new TournamentVerifier.Options(0, true, 0.7, 256));
    assertThat(OptionDefaults.of(GreedyAgreementVerifier.Options.class))
        .isEqualTo(new GreedyAgreementVerifier.Options(256));
  }

  @Test
  void onlyVerifiersThatCallTheModelSaySo() {
    for (VerifierProvider<?> provider : providers()) {
      if (provider.name().equals("ensemble")) {
        continue; // needs members; EnsembleVerifierTest checks it calls no model
      }
      boolean callsModel = List.of(
              "mc", "cot-binary", "cot-score", "tournament", "greedy-agreement")
          .contains(provider.name());
      assertThat(createWithDefaults(provider).usesModel())
          .as(provider.name())
          .isEqualTo(callsModel);
    }
  }
}
