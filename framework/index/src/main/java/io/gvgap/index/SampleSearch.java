package io.gvgap.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Drill-down search over a {@link SampleIndex}: by text, answer, utility range, score range,
 * prompt and round ({@link SampleQuery}), and near-duplicates of a text. Results of a text query
 * come by relevance; without one, in index order.
 */
public final class SampleSearch {

  private final SampleIndex index;

  SampleSearch(SampleIndex index) {
    this.index = index;
  }

  /** Up to {@code limit} samples matching {@code query}. */
  public List<IndexedSample> find(SampleQuery query, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    Query lucene = toLucene(query);
    return index.withSearcher(
        searcher -> SampleIndex.read(searcher, searcher.search(lucene, limit)));
  }

  /** How many samples match {@code query}. */
  public int count(SampleQuery query) {
    Query lucene = toLucene(query);
    return index.withSearcher(searcher -> searcher.count(lucene));
  }

  /**
   * Samples whose text is a near-duplicate of {@code text} (MinHash candidates confirmed by exact
   * Jaccard at the index's threshold), most similar first, at most {@code limit}.
   */
  public List<SimilarSample> similarTo(String text, int limit) {
    DedupConfig config = index.config();
    Fingerprint probe = new Fingerprinter(config).fingerprint(text);
    Query candidates = SignatureQuery.of(
        SampleFields.SIGNATURE, probe.signatureTerms(), config.minimumAgreeingBuckets());
    List<IndexedSample> found = index.withSearcher(searcher -> {
      int total = Math.max(1, searcher.count(candidates));
      return SampleIndex.read(searcher, searcher.search(candidates, total));
    });
    Fingerprinter fingerprinter = new Fingerprinter(config);
    List<SimilarSample> similar = new ArrayList<>();
    for (IndexedSample sample : found) {
      double jaccard = Jaccard.similarity(
          probe.shingles(), fingerprinter.fingerprint(sample.sample().text()).shingles());
      if (jaccard >= config.jaccardThreshold()) {
        similar.add(new SimilarSample(sample, jaccard));
      }
    }
    similar.sort(Comparator.comparingDouble(SimilarSample::jaccard).reversed());
    return similar.size() > limit ? similar.subList(0, limit) : similar;
  }

  private static Query toLucene(SampleQuery query) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.add(new MatchAllDocsQuery(), BooleanClause.Occur.FILTER);
    if (query.text() != null) {
      QueryParser parser = new QueryParser(SampleFields.TEXT, new StandardAnalyzer());
      parser.setDefaultOperator(QueryParser.Operator.AND);
      try {
        builder.add(parser.parse(query.text()), BooleanClause.Occur.MUST);
      } catch (ParseException e) {
        throw new IllegalArgumentException(
            "cannot parse the text query '" + query.text() + "': " + e.getMessage()
                + "; quote the text or escape special characters with a backslash",
            e);
      }
    }
    if (query.answer() != null) {
      builder.add(
          new TermQuery(new Term(SampleFields.ANSWER, query.answer())), BooleanClause.Occur.FILTER);
    }
    if (query.utilityMin() != null || query.utilityMax() != null) {
      builder.add(
          DoublePoint.newRangeQuery(
              SampleFields.UTILITY,
              query.utilityMin() == null ? Double.NEGATIVE_INFINITY : query.utilityMin(),
              query.utilityMax() == null ? Double.POSITIVE_INFINITY : query.utilityMax()),
          BooleanClause.Occur.FILTER);
    }
    if (query.verifier() != null) {
      builder.add(
          DoublePoint.newRangeQuery(
              SampleFields.SCORE_PREFIX + query.verifier(),
              query.scoreMin() == null ? Double.NEGATIVE_INFINITY : query.scoreMin(),
              query.scoreMax() == null ? Double.POSITIVE_INFINITY : query.scoreMax()),
          BooleanClause.Occur.FILTER);
    }
    if (query.example() != null) {
      builder.add(
          new TermQuery(new Term(SampleFields.MODEL, query.example().model())),
          BooleanClause.Occur.FILTER);
      builder.add(
          new TermQuery(new Term(SampleFields.TASK, query.example().task())),
          BooleanClause.Occur.FILTER);
      builder.add(
          new TermQuery(new Term(SampleFields.EXAMPLE, query.example().exampleId())),
          BooleanClause.Occur.FILTER);
    }
    if (query.round() != null) {
      builder.add(
          IntPoint.newExactQuery(SampleFields.ROUND, query.round()), BooleanClause.Occur.FILTER);
    }
    return builder.build();
  }
}
