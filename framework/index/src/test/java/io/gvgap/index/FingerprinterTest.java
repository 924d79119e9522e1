package io.gvgap.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprinterTest {

  @Test
  void wordShinglesMatchAnIndependentStringImplementation() {
    Fingerprinter fingerprinter = new Fingerprinter(DedupConfig.defaults());
    String a = "Natalia sold 48 clips in April, and half as many in May.";
    String b = "natalia sold 48 clips in april and 24 in may";
    Fingerprint fa = fingerprinter.fingerprint(a);
    Fingerprint fb = fingerprinter.fingerprint(b);
    // "natalia sold 48 clips in april and half as many in may": 12 words → 10 distinct 3-word
    // shingles
    assertThat(fa.shingles()).hasSize(10);
    assertThat(fa.shingles())
        .hasSize(BruteForceShingles.of(a, ShingleUnit.WORD, 3).size());
    assertThat(Jaccard.similarity(fa.shingles(), fb.shingles()))
        .isCloseTo(BruteForceShingles.jaccard(a, b, ShingleUnit.WORD, 3), within(1e-15));
  }

  @Test
  void characterShinglesMatchAnIndependentStringImplementation() {
    DedupConfig config = DedupConfig.defaults().withShingles(ShingleUnit.CHARACTER, 4);
    Fingerprinter fingerprinter = new Fingerprinter(config);
    Random random = new Random(7);
    for (int trial = 0; trial < 50; trial++) {
      String a = RandomTexts.words(random, 3 + random.nextInt(30));
      String b = RandomTexts.mutate(random, a, random.nextInt(5));
      assertThat(Jaccard.similarity(
              fingerprinter.fingerprint(a).shingles(),
              fingerprinter.fingerprint(b).shingles()))
          .isCloseTo(BruteForceShingles.jaccard(a, b, ShingleUnit.CHARACTER, 4), within(1e-12));
    }
  }

  @Test
  void signatureHasOneTermPerBucketAndIdenticalTextsAgreeEverywhere() {
    Fingerprinter fingerprinter = new Fingerprinter(DedupConfig.defaults());
    Fingerprint first = fingerprinter.fingerprint("one two three four five six");
    Fingerprint again = fingerprinter.fingerprint("One, two; three - four five six!");
    assertThat(first.signatureTerms()).hasSize(DedupConfig.DEFAULT_BUCKETS).doesNotHaveDuplicates();
    assertThat(first.signatureTerms()).isEqualTo(again.signatureTerms());
    assertThat(first.contentHash()).isEqualTo(again.contentHash());
  }

  @Test
  void textShorterThanOneShingleIsOneShingle() {
    Fingerprinter fingerprinter = new Fingerprinter(DedupConfig.defaults());
    Fingerprint shortText = fingerprinter.fingerprint("42 apples");
    assertThat(shortText.shingles()).hasSize(1);
    assertThat(shortText.signatureTerms()).hasSize(DedupConfig.DEFAULT_BUCKETS);
    assertThat(fingerprinter.fingerprint("?!").signatureTerms()).isEmpty();
  }

  @Test
  void bucketAgreementEstimatesJaccard() {
    // the MinHash property the candidate query relies on: mean agreement ≈ J (here within 0.05 over
    // 200 pairs)
    Fingerprinter fingerprinter = new Fingerprinter(DedupConfig.defaults());
    Random random = new Random(11);
    double sumAgreement = 0;
    double sumJaccard = 0;
    for (int trial = 0; trial < 200; trial++) {
      String a = RandomTexts.words(random, 80 + random.nextInt(80));
      String b = RandomTexts.mutate(random, a, random.nextInt(20));
      sumAgreement += fingerprinter.fingerprint(a).agreeingBuckets(fingerprinter.fingerprint(b))
          / (double) DedupConfig.DEFAULT_BUCKETS;
      sumJaccard += BruteForceShingles.jaccard(a, b, ShingleUnit.WORD, 3);
    }
    assertThat(sumAgreement / 200).isCloseTo(sumJaccard / 200, within(0.05));
  }
}
