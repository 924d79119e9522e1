package io.gvgap.core.spec;

/**
 * A model of the run, ready to open.
 *
 * @param label the unique label results are filed under
 * @param backend the model backend's provider name
 * @param options the backend's bound options record
 */
public record ResolvedModel(String label, String backend, Record options) {}
