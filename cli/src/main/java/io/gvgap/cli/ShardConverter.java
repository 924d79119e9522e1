package io.gvgap.cli;

import io.gvgap.core.store.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --shard I/N}; a bad value is a usage error that says the expected form. */
final class ShardConverter implements ITypeConverter<Shard> {

  @Override
  public Shard convert(String value) {
    try {
      return Shard.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
