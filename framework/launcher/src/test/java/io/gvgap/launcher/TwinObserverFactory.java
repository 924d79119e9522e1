package io.gvgap.launcher;

import io.gvgap.core.launch.RunObserverFactory;
import io.gvgap.core.pipeline.RunObserver;
import io.gvgap.core.store.SampleRecord;
import io.gvgap.core.store.ScoreRecord;
import java.nio.file.Path;
import java.util.List;

/** A run observer factory named {@code twin}, as is {@link OtherTwinObserverFactory}: two providers of one name. */
public class TwinObserverFactory implements RunObserverFactory {

  @Override
  public String name() {
    return "twin";
  }

  @Override
  public RunObserver create() {
    return new RunObserver() {
      @Override
      public void batchStored(
          Path runDirectory, List<SampleRecord> samples, List<ScoreRecord> scores) {}
    };
  }

  @Override
  public List<String> artefacts() {
    return List.of();
  }
}
