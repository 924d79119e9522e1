package io.gvgap.onnx.runtime;

import com.google.protobuf.CodedInputStream;
import io.gvgap.onnx.checkpoint.SafetensorsCheckpoint;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedSet;

/**
 * The content identity of a model directory: SHA-256 over the files that decide the model's
 * outputs, so that a retrained model at the same path is told apart from the one a run used.
 *
 * <p>The files, in this order, each only if it exists: the model file {@link OnnxLanguageModel#open}
 * would load (the first of {@link OnnxLanguageModel#MODEL_FILES}), the external-data files it
 * names (sorted by location), then {@link #SETTINGS_FILES}. The model card and other files are not
 * hashed: they describe the model but do not change what it generates. Each file enters the
 * digest as its path relative to the directory (UTF-8, with '/'), a zero byte, its size as 8
 * big-endian bytes, then its bytes, so a file that moves, appears or disappears changes the hash.
 * Files are streamed through the digest; none is held in memory, and the model file is read once
 * (its external-data locations are found while it is hashed).
 */
public final class ModelContentHash {

  /** The files besides the ONNX graph and its external data that decide outputs, in hashing order. */
  public static final List<String> SETTINGS_FILES =
      List.of("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json");

  private static final int BUFFER = 1 << 16;

  private ModelContentHash() {}

  /**
   * The lowercase hex SHA-256 of the model directory's output-deciding files.
   *
   * @throws ModelLoadException when the directory is missing, has no model file, or the model file
   *     is not an ONNX model or names an external-data file that does not exist
   * @throws UncheckedIOException when a file cannot be read
   */
  public static String of(Path directory) {
    return of(directory, "");
  }

  /**
   * The fingerprint of {@code directory} as the backend opens it with option {@code file} (empty:
   * the default model files; {@code fileOption}). A Hugging Face checkpoint directory (safetensors, no ONNX file) is
   * fingerprinted by its weight files, index and settings.
   */
  public static String of(Path directory, String fileOption) {
    if (fileOption.isEmpty()
        && OnnxLanguageModel.MODEL_FILES.stream()
            .map(directory::resolve)
            .noneMatch(Files::isRegularFile)
        && SafetensorsCheckpoint.isCheckpoint(directory)) {
      return ofCheckpoint(directory);
    }
    Path modelFile = fileOption.isEmpty() ? modelFile(directory) : directory.resolve(fileOption);
    MessageDigest digest = sha256();
    try {
      SortedSet<String> external = hashModelFile(directory, modelFile, digest);
      Path modelFolder = modelFile.getParent();
      for (String location : external) {
        Path file = modelFolder.resolve(location).normalize();
        if (!Files.isRegularFile(file)) {
          throw new ModelLoadException(modelFile + " keeps tensor data in '" + location + "', but "
              + file + " does not exist; copy the model's external-data files next to "
              + modelFile.getFileName());
        }
        hashFile(directory, file, digest);
      }
      for (String name : SETTINGS_FILES) {
        Path file = directory.resolve(name);
        if (Files.isRegularFile(file)) {
          hashFile(directory, file, digest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the model directory " + directory + " to fingerprint it", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static String ofCheckpoint(Path directory) {
    MessageDigest digest = sha256();
    try (java.util.stream.Stream<Path> files = Files.list(directory)) {
      List<Path> weights = files
          .filter(p -> p.getFileName().toString().endsWith(".safetensors")
              || p.getFileName().toString().equals(SafetensorsCheckpoint.INDEX))
          .sorted()
          .toList();
      for (Path weight : weights) {
        hashFile(directory, weight, digest);
      }
      for (String name : SETTINGS_FILES) {
        Path settings = directory.resolve(name);
        if (Files.isRegularFile(settings)) {
          hashFile(directory, settings, digest);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the checkpoint directory " + directory + " to fingerprint it", e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The files {@link #of} hashes, in its order, as paths relative to the directory with '/'. */
  static List<String> hashedFiles(Path directory) {
    Path modelFile = modelFile(directory);
    List<String> files = new ArrayList<>();
    files.add(relativeName(directory, modelFile));
    try (InputStream in = new BufferedInputStream(Files.newInputStream(modelFile), BUFFER)) {
      for (String location : externalLocations(modelFile, in)) {
        files.add(
            relativeName(directory, modelFile.getParent().resolve(location).normalize()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + modelFile, e);
    }
    SETTINGS_FILES.stream()
        .filter(name -> Files.isRegularFile(directory.resolve(name)))
        .forEach(files::add);
    return files;
  }

  private static Path modelFile(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new ModelLoadException(
          directory + " is not a directory: give the model directory (with model.onnx, "
              + "config.json, tokenizer.json)");
    }
    return OnnxLanguageModel.MODEL_FILES.stream()
        .map(directory::resolve)
        .filter(Files::isRegularFile)
        .findFirst()
        .orElseThrow(() -> new ModelLoadException(
            directory + " has no model file: looked for " + OnnxLanguageModel.MODEL_FILES));
  }

  /** Hashes the model file and returns the external-data locations found in the same pass. */
  private static SortedSet<String> hashModelFile(
      Path directory, Path modelFile, MessageDigest digest) throws IOException {
    header(directory, modelFile, digest);
    try (DigestInputStream hashed = new SkipByReading(Files.newInputStream(modelFile), digest)) {
      SortedSet<String> locations =
          externalLocations(modelFile, new BufferedInputStream(hashed, BUFFER));
      // the scan ends with the message, which ends the file; whatever it left unread still goes
      // through the digest, so the hash always covers every byte
      hashed.transferTo(OutputStream.nullOutputStream());
      return locations;
    }
  }

  /** The external data files {@code modelFile} names, relative to its folder. */
  static SortedSet<String> externalLocations(Path modelFile) throws IOException {
    try (InputStream in = Files.newInputStream(modelFile)) {
      return externalLocations(modelFile, in);
    }
  }

  private static SortedSet<String> externalLocations(Path modelFile, InputStream in)
      throws IOException {
    CodedInputStream input = CodedInputStream.newInstance(in);
    input.setSizeLimit(Integer.MAX_VALUE);
    try {
      return ExternalDataLocations.read(input);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new ModelLoadException(
          modelFile + " is not an ONNX model (" + e.getMessage() + "); replace it with the"
              + " model's exported model file",
          e);
    }
  }

  private static void hashFile(Path directory, Path file, MessageDigest digest) throws IOException {
    header(directory, file, digest);
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[BUFFER];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private static void header(Path directory, Path file, MessageDigest digest) throws IOException {
    digest.update(relativeName(directory, file).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
    digest.update(ByteBuffer.allocate(Long.BYTES).putLong(Files.size(file)).array());
  }

  private static String relativeName(Path directory, Path file) {
    return directory
        .toAbsolutePath()
        .normalize()
        .relativize(file.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }

  /**
   * A digesting stream whose {@code skip} reads: the scan skips raw weights, and a plain
   * {@link DigestInputStream} would pass a skip to the file, leaving those bytes out of the digest.
   */
  private static final class SkipByReading extends DigestInputStream {
    SkipByReading(InputStream in, MessageDigest digest) {
      super(in, digest);
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.max(1, Math.min(n, BUFFER))];
      long left = n;
      while (left > 0) {
        int read = read(buffer, 0, (int) Math.min(left, buffer.length));
        if (read < 0) {
          break;
        }
        left -= read;
      }
      return n - left;
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
