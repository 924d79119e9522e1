package io.gvgap.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converts every path argument of the command line; an empty one ({@code -o ""}) is a usage error. */
final class PathConverter implements ITypeConverter<Path> {

  @Override
  public Path convert(String value) {
    if (value.isBlank()) {
      throw new TypeConversionException(
          "the path is empty; give a file or directory (or omit the option)");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new TypeConversionException("'" + value + "' is not a valid path: " + e.getReason());
    }
  }
}
