/**
 * Reading and writing the user's files with errors that say what is wrong and what to do.
 *
 * <p>{@link io.gvgap.core.files.FileProblems#explain(java.nio.file.Path, java.io.IOException)} turns an
 * {@link java.io.IOException} about a path into a sentence: a file where a directory is needed, no
 * permission, a read-only file system, a full disk, text that is not UTF-8. {@link io.gvgap.core.files.TextFiles}
 * reads UTF-8 text and names the line and column of the first byte that is not UTF-8;
 * {@link io.gvgap.core.files.Utf8LineReader} reads JSON Lines input line by line so that one line
 * that is not UTF-8 is reported with its number and the lines after it are still read.
 *
 * <pre>{@code
 * try {
 *   Files.createDirectories(dir);
 * } catch (IOException e) {
 *   throw new UncheckedIOException("cannot create run directory " + dir + ": " + FileProblems.explain(dir, e), e);
 * }
 * }</pre>
 */
package io.gvgap.core.files;
