package io.gvgap.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.minhash.MinHashFilter;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns texts into {@link Fingerprint}s with one Lucene analysis chain: tokenizer (whitespace for
 * word shingles, n-grams for character shingles) → {@link ShingleFilter} (words only) → a filter that
 * records each shingle's 64-bit hash → {@link MinHashFilter} (one hash function, one value per
 * bucket, rotation fills empty buckets) → bucket numbering. So the Jaccard set and the signature
 * are built from exactly the same shingles.
 *
 * <p>Texts shorter than one shingle become a single shingle (the whole normalised text), so short
 * answers still deduplicate. Not thread-safe: it reuses one token stream chain; use one per thread.
 */
public final class Fingerprinter {

  private final DedupConfig config;
  private final Tokenizer tokenizer;
  private final ShingleRecorder recorder;
  private final TokenStream signatureStream;

  /** A fingerprinter for {@code config}'s shingles and signature length. */
  public Fingerprinter(DedupConfig config) {
    this.config = config;
    this.tokenizer = config.unit() == ShingleUnit.CHARACTER
        ? new NGramTokenizer(config.shingleSize(), config.shingleSize())
        : new WhitespaceTokenizer();
    TokenStream shingles = tokenizer;
    if (config.unit() == ShingleUnit.WORD && config.shingleSize() > 1) {
      ShingleFilter filter =
          new ShingleFilter(tokenizer, config.shingleSize(), config.shingleSize());
      filter.setOutputUnigrams(false);
      filter.setOutputUnigramsIfNoShingles(false);
      shingles = filter;
    }
    this.recorder = new ShingleRecorder(shingles);
    this.signatureStream = signatureOf(recorder);
  }

  private TokenStream signatureOf(TokenStream shingles) {
    return new MinHashFilter(shingles, 1, config.signatureBuckets(), 1, true);
  }

  /** The settings. */
  public DedupConfig config() {
    return config;
  }

  /** Normalises, hashes and fingerprints {@code text}. */
  public Fingerprint fingerprint(String text) {
    String normalised = TextNormalizer.normalize(text);
    String hash = TextNormalizer.sha256Hex(normalised);
    if (normalised.isEmpty()) {
      return new Fingerprint(normalised, hash, new long[0], new long[0]);
    }
    long[] signature;
    long[] shingles;
    try {
      if (isShorterThanOneShingle(normalised)) {
        // the whole text is the one shingle; a fresh small chain, since this case is rare
        KeywordTokenizer whole = new KeywordTokenizer();
        whole.setReader(new StringReader(normalised));
        ShingleRecorder wholeRecorder = new ShingleRecorder(whole);
        try (TokenStream stream = signatureOf(wholeRecorder)) {
          signature = readSignature(stream);
        }
        shingles = wholeRecorder.sortedDistinct();
      } else {
        tokenizer.setReader(new StringReader(normalised));
        try {
          signature = readSignature(signatureStream);
        } finally {
          signatureStream.close();
        }
        shingles = recorder.sortedDistinct();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("analysing an in-memory string failed", e);
    }
    return new Fingerprint(normalised, hash, shingles, signature);
  }

  /** MinHashFilter emits one term per bucket in bucket order; its first four chars are the top 64 bits. */
  private long[] readSignature(TokenStream stream) throws IOException {
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    long[] signature = new long[config.signatureBuckets()];
    int bucket = 0;
    stream.reset();
    while (stream.incrementToken()) {
      char[] raw = term.buffer();
      signature[bucket++] =
          ((long) raw[0] << 48) | ((long) raw[1] << 32) | ((long) raw[2] << 16) | raw[3];
    }
    stream.end();
    if (bucket != signature.length) {
      throw new IllegalStateException(
          "MinHashFilter produced " + bucket + " values for " + signature.length
              + " buckets; rotation should fill every bucket of a text with shingles");
    }
    return signature;
  }

  private boolean isShorterThanOneShingle(String normalised) {
    if (config.unit() == ShingleUnit.CHARACTER) {
      return normalised.length() < config.shingleSize();
    }
    int words = 1;
    for (int i = 0; i < normalised.length() && words < config.shingleSize(); i++) {
      if (normalised.charAt(i) == ' ') {
        words++;
      }
    }
    return words < config.shingleSize();
  }

  /** 64-bit hash of a shingle's characters: FNV-1a, then the SplitMix64 finaliser to spread the bits. */
  static long shingleHash(char[] chars, int length) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < length; i++) {
      h ^= chars[i];
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }

  /** Passes shingles through unchanged and records their hashes. */
  private static final class ShingleRecorder extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private long[] hashes = new long[64];
    private int size;

    ShingleRecorder(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      if (size == hashes.length) {
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      hashes[size++] = shingleHash(term.buffer(), term.length());
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      size = 0;
    }

    long[] sortedDistinct() {
      long[] sorted = Arrays.copyOf(hashes, size);
      Arrays.sort(sorted);
      int distinct = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
          sorted[distinct++] = sorted[i];
        }
      }
      return Arrays.copyOf(sorted, distinct);
    }
  }
}
