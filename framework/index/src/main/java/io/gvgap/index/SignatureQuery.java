package io.gvgap.index;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Candidate retrieval: documents that share at least a minimum number of MinHash bucket terms. */
final class SignatureQuery {

  private SignatureQuery() {}

  /** Matches documents whose {@code field} holds at least {@code minimum} of {@code terms} (all of them if fewer). */
  static Query of(String field, List<BytesRef> terms, int minimum) {
    if (terms.isEmpty()) {
      return new MatchNoDocsQuery("a text without shingles has no signature");
    }
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    for (BytesRef term : terms) {
      builder.add(new TermQuery(new Term(field, term)), BooleanClause.Occur.SHOULD);
    }
    builder.setMinimumNumberShouldMatch(Math.min(minimum, terms.size()));
    return new ConstantScoreQuery(builder.build());
  }
}
