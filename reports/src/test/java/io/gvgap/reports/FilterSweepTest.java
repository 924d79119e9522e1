package io.gvgap.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gvgap.core.store.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilterSweepTest {

  private static JsonNode filters(String json) throws Exception {
    return Json.mapper().readTree(json.replace('\'', '"'));
  }

  @Test
  void findsTheParameterThatVaries() throws Exception {
    JsonNode spec = filters("[{'label':'q50','name':'quantile','options':{'alpha':0.5}},"
        + "{'label':'q10','name':'quantile','options':{'alpha':0.1}},"
        + "{'label':'q25','name':'quantile','options':{'alpha':0.25}},"
        + "{'label':'t','name':'threshold','options':{'tau':0.5}}]");
    List<FilterSweep> sweeps = FilterSweep.find(spec, List.of("q50", "q10", "q25", "t"));
    assertThat(sweeps).hasSize(1);
    FilterSweep sweep = sweeps.get(0);
    assertThat(sweep.filterName()).isEqualTo("quantile");
    assertThat(sweep.parameter()).isEqualTo("alpha");
    assertThat(sweep.points())
        .extracting(FilterSweep.Point::label)
        .containsExactly("q10", "q25", "q50");
    assertThat(sweep.points()).extracting(FilterSweep.Point::value).containsExactly(0.1, 0.25, 0.5);
  }

  @Test
  void noSweepWhenTwoOptionsVaryOrTheValueIsNotANumber() throws Exception {
    JsonNode spec = filters("[{'label':'a','name':'softmax','options':{'temperature':0.5,'top':2}},"
        + "{'label':'b','name':'softmax','options':{'temperature':1.0,'top':3}},"
        + "{'label':'c','name':'majority','options':{'tie':'first'}},"
        + "{'label':'d','name':'majority','options':{'tie':'random'}}]");
    assertThat(FilterSweep.find(spec, List.of("a", "b", "c", "d"))).isEmpty();
  }

  @Test
  void readsLabelsWhenTheSpecLacksThem() {
    List<FilterSweep> sweeps =
        FilterSweep.find(null, List.of("threshold(tau=0.7)", "threshold(tau=0.5)", "best-of-n"));
    assertThat(sweeps).hasSize(1);
    assertThat(sweeps.get(0).parameter()).isEqualTo("tau");
    assertThat(sweeps.get(0).points())
        .extracting(FilterSweep.Point::value)
        .containsExactly(0.5, 0.7);
  }
}
