package io.gvgap.index;

/** What a shingle is made of: consecutive words or consecutive characters of the normalised text. */
public enum ShingleUnit {
  /** k consecutive words joined by one space (robust to small edits in long texts). */
  WORD,
  /** k consecutive characters, spaces included (better for short texts and spelling variants). */
  CHARACTER
}
