package io.gvgap.models;

import java.util.List;
import java.util.Optional;

/** The sizes of gvgap's built-in family, smallest first. */
public final class ModelFamily {
  /** Every member, smallest first. */
  public static final List<FamilyMember> MEMBERS = List.of(
      new FamilyMember("arith-xs", 2, 32, 4, 640, 4000, 4, 0, 16, 250, 3e-3, 1),
      new FamilyMember("arith-s", 2, 64, 4, 640, 7200, 4, 0, 16, 450, 2e-3, 2),
      new FamilyMember("arith-m", 3, 96, 4, 640, 12000, 5, 0, 16, 1500, 2e-3, 3),
      new FamilyMember("arith-l", 4, 128, 4, 640, 16000, 5, 0, 16, 2000, 1.5e-3, 4));

  private ModelFamily() {
  }

  /** The member with this name. */
  public static Optional<FamilyMember> named(String name) {
    return MEMBERS.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
