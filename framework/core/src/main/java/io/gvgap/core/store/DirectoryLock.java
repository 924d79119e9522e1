package io.gvgap.core.store;

import io.gvgap.core.files.FileProblems;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a directory that gvgap writes (a run, a study, a merge or a distillation
 * output), held for the life of the work: a second gvgap process that tries to write the same
 * directory is refused with the holder's pid, host, command and start time instead of
 * interleaving its records with the first one's.
 *
 * <p>The lock is an operating-system lock on the file {@value #FILE_NAME} inside the directory. The
 * operating system releases it when the holding process ends, however it ends, so a lock file left
 * behind by a crashed or killed process is stale by construction: the next run takes it over (and
 * says so in its log) without any guessing from pids. The file's text only describes the holder for
 * the error message. Within one JVM a directory can be locked once at a time too.
 */
public final class DirectoryLock implements AutoCloseable {

  /** The lock file's name inside a locked directory. */
  public static final String FILE_NAME = ".gvgap.lock";

  private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private final String previousHolder;

  private DirectoryLock(
      Path directory, Path key, FileChannel channel, FileLock lock, String previousHolder) {
    this.directory = directory;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
    this.previousHolder = previousHolder;
  }

  /**
   * Locks {@code directory} (creating it when missing) for this process, through the file
   * {@value #FILE_NAME} inside it.
   *
   * @param directory the directory to lock
   * @param purpose what the holder does, recorded for others' error messages (e.g. "gvgap run")
   * @throws DirectoryLockedException when another process, or other work in this JVM, holds it
   * @throws RunStoreException when the directory or its lock file cannot be created, with the reason
   */
  public static DirectoryLock acquire(Path directory, String purpose) {
    createDirectories(directory);
    return acquire(directory, directory.resolve(FILE_NAME), purpose);
  }

  /**
   * Locks {@code target} through a lock file beside it ({@code .NAME.gvgap.lock} in its parent), for
   * work that replaces {@code target} as a whole (a model directory written elsewhere, then renamed
   * into place), so that the lock file never becomes part of what is written.
   *
   * @param target the directory the work will write (it need not exist)
   * @param purpose what the holder does, recorded for others' error messages
   * @throws DirectoryLockedException when another process, or other work in this JVM, holds it
   */
  public static DirectoryLock acquireBeside(Path target, String purpose) {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    createDirectories(parent);
    return acquire(target, parent.resolve("." + absolute.getFileName() + ".gvgap.lock"), purpose);
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new RunStoreException(
          "cannot create " + directory + ": " + FileProblems.explain(directory, e), e);
    }
  }

  private static DirectoryLock acquire(Path directory, Path file, String purpose) {
    Path key = directory.toAbsolutePath().normalize();
    if (!HELD_IN_THIS_JVM.add(key)) {
      throw new DirectoryLockedException(directory, holderText(file));
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(
          file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = holderText(file);
        channel.close();
        HELD_IN_THIS_JVM.remove(key);
        throw new DirectoryLockedException(directory, holder);
      }
      String previous = readAll(channel).strip();
      byte[] text = describeThisProcess(purpose).getBytes(StandardCharsets.UTF_8);
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(text), 0);
      channel.force(false);
      return new DirectoryLock(directory, key, channel, lock, previous.isEmpty() ? null : previous);
    } catch (IOException e) {
      HELD_IN_THIS_JVM.remove(key);
      closeQuietly(channel);
      throw new RunStoreException(
          "cannot lock " + directory + " through " + file + ": " + FileProblems.explain(file, e),
          e);
    }
  }

  /** The directory this lock holds. */
  public Path directory() {
    return directory;
  }

  /**
   * The description left in the lock file by an earlier holder that ended without releasing it (a
   * crashed or killed process), whose lock this one took over; null when the file was new or clean.
   */
  public String staleHolder() {
    return previousHolder;
  }

  /** Releases the lock and empties the lock file; the file itself stays (removing it would race). */
  @Override
  public void close() {
    try {
      if (channel.isOpen()) {
        channel.truncate(0);
        lock.release();
      }
    } catch (IOException e) {
      // the operating system releases the lock when the channel closes anyway
    } finally {
      closeQuietly(channel);
      HELD_IN_THIS_JVM.remove(key);
    }
  }

  private static String describeThisProcess(String purpose) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown host";
    }
    return "pid " + ProcessHandle.current().pid() + " on " + host + " (" + purpose + ", since "
        + Instant.now() + ")";
  }

  private static String holderText(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() ? "a process that has not described itself yet" : text;
    } catch (IOException e) {
      return "another process";
    }
  }

  private static String readAll(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size == 0 || size > 4096) {
      return "";
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // read until full
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }
}
