package io.gvgap.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        ? new NGramTokenizer(config.shingleSize(), config.shingleSize()) : new WhitespaceTokenizer();
    TokenStream shingles = tokenizer;
    if (config.unit() == ShingleUnit.WORD && config.shingleSize() > 1) {
      ShingleFilter filter = new ShingleFilter(tokenizer, config.shingleSize(), config.shingleSize());
      filter.setOutputUnigrams(false);
      filter.setOutputUnigramsIfNoShingles(false);
      shingles = filter;
    }
    this.recorder = new ShingleRecorder(shingles);
    this.signatureStream = signatureOf(recorder);
  }

  private TokenStream signatureOf(TokenStream shingles) {
    return new BucketNumberFilter(new MinHashFilter(shingles, 1, config.signatureBuckets(), 1, true));
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
      return new Fingerprint(normalised, hash, new long[0], List.of());
    }
    List<String> terms = new ArrayList<>(config.signatureBuckets());
    long[] shingles;
    try {
      if (isShorterThanOneShingle(normalised)) {
        // the whole text is the one shingle; a fresh small chain, since this case is rare
        KeywordTokenizer whole = new KeywordTokenizer();
        whole.setReader(new StringReader(normalised));
        ShingleRecorder wholeRecorder = new ShingleRecorder(whole);
        try (TokenStream stream = signatureOf(wholeRecorder)) {
          readTerms(stream, terms);
        }
        shingles = wholeRecorder.sortedDistinct();
      } else {
        tokenizer.setReader(new StringReader(normalised));
        try {
          readTerms(signatureStream, terms);
        } finally {
          signatureStream.close();
        }
        shingles = recorder.sortedDistinct();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("analysing an in-memory string failed", e);
    }
    return new Fingerprint(normalised, hash, shingles, terms);
  }

  private static void readTerms(TokenStream stream, List<String> terms) throws IOException {
    CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
    stream.reset();
    while (stream.incrementToken()) {
      terms.add(term.toString());
    }
    stream.end();
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

  /**
   * Rewrites MinHashFilter's raw terms (arbitrary UTF-16 code units, not all valid text) as
   * {@code <bucket>_<hex of the top 64 bits>}, so a term matches only the same bucket's minimum.
   */
  private static final class BucketNumberFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private int bucket;

    BucketNumberFilter(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      char[] raw = term.buffer();
      long high = ((long) raw[0] << 48) | ((long) raw[1] << 32) | ((long) raw[2] << 16) | raw[3];
      String replacement = Integer.toString(bucket++, 36) + "_" + Long.toHexString(high);
      term.setEmpty().append(replacement);
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      bucket = 0;
    }
  }
}
