package io.gvgap.index;

import io.gvgap.core.store.SampleRecord;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/** The index's field names and the conversion between {@link IndexedSample} and Lucene documents. */
final class SampleFields {
  static final String ID = "id";
  static final String RUN = "run";
  static final String ROUND = "round";
  static final String MODEL = "model";
  static final String TASK = "task";
  static final String EXAMPLE = "exampleId";
  static final String SAMPLE_INDEX = "sampleIndex";
  static final String TEXT = "text";
  static final String TOKENS = "tokenCount";
  static final String LOG_PROB = "logProb";
  static final String FINISH = "finishReason";
  static final String ANSWER = "answer";
  static final String UTILITY = "utility";
  static final String HASH = "contentHash";
  static final String SIGNATURE = "minhash";
  /** Prefix of one field per verifier: {@code score.<verifier label>}. */
  static final String SCORE_PREFIX = "score.";

  private SampleFields() {}

  static Document toDocument(IndexedSample indexed, Fingerprint fingerprint) {
    SampleRecord sample = indexed.sample();
    Document document = new Document();
    document.add(new StringField(ID, indexed.id(), Field.Store.YES));
    document.add(new StringField(RUN, indexed.run(), Field.Store.YES));
    document.add(new IntPoint(ROUND, indexed.round()));
    document.add(new StoredField(ROUND, indexed.round()));
    document.add(new NumericDocValuesField(ROUND, indexed.round()));
    document.add(new StringField(MODEL, sample.model(), Field.Store.YES));
    document.add(new StringField(TASK, sample.task(), Field.Store.YES));
    document.add(new StringField(EXAMPLE, sample.exampleId(), Field.Store.YES));
    document.add(new IntPoint(SAMPLE_INDEX, sample.sampleIndex()));
    document.add(new StoredField(SAMPLE_INDEX, sample.sampleIndex()));
    document.add(new TextField(TEXT, sample.text(), Field.Store.YES));
    document.add(new StoredField(TOKENS, sample.tokenCount()));
    if (sample.logProb() != null) {
      document.add(new StoredField(LOG_PROB, sample.logProb()));
    }
    if (sample.finishReason() != null) {
      document.add(new StringField(FINISH, sample.finishReason(), Field.Store.YES));
    }
    if (sample.answer() != null) {
      document.add(new StringField(ANSWER, sample.answer(), Field.Store.YES));
    }
    document.add(new DoublePoint(UTILITY, sample.utility()));
    document.add(new StoredField(UTILITY, sample.utility()));
    document.add(new StringField(HASH, fingerprint.contentHash(), Field.Store.YES));
    for (BytesRef term : fingerprint.signatureTerms()) {
      document.add(new StringField(SIGNATURE, term, Field.Store.NO));
    }
    for (Map.Entry<String, Double> score : indexed.scores().entrySet()) {
      document.add(new DoublePoint(SCORE_PREFIX + score.getKey(), score.getValue()));
      document.add(new StoredField(SCORE_PREFIX + score.getKey(), score.getValue()));
    }
    return document;
  }

  static IndexedSample fromDocument(Document document) {
    Map<String, Double> scores = new HashMap<>();
    for (IndexableField field : document.getFields()) {
      if (field.name().startsWith(SCORE_PREFIX)) {
        scores.put(
            field.name().substring(SCORE_PREFIX.length()), field.numericValue().doubleValue());
      }
    }
    IndexableField logProb = document.getField(LOG_PROB);
    SampleRecord sample = new SampleRecord(
        document.get(MODEL),
        document.get(TASK),
        document.get(EXAMPLE),
        document.getField(SAMPLE_INDEX).numericValue().intValue(),
        document.get(TEXT),
        document.getField(TOKENS).numericValue().intValue(),
        logProb == null ? null : logProb.numericValue().doubleValue(),
        document.get(FINISH),
        document.get(ANSWER),
        document.getField(UTILITY).numericValue().doubleValue());
    return new IndexedSample(
        document.get(RUN),
        document.getField(ROUND).numericValue().intValue(),
        sample,
        document.get(HASH),
        scores);
  }
}
