package io.gvgap.cli;

import io.gvgap.models.FamilyMember;
import io.gvgap.models.ModelFamily;
import io.gvgap.models.PretrainRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gvgap models pretrain}: rebuilds members of the built-in family from their recipe. */
@Command(
    name = "pretrain",
    mixinStandardHelpOptions = true,
    description = {
      "Pre-train members of gvgap's built-in family through ONNX Runtime.",
      "The recipe is io.gvgap.models.ModelFamily; each member gets its model card gvgap-model.json. An",
      "interrupted run resumes from checkpoints."
    })
final class ModelsPretrainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Family members (default: all).")
  List<String> names = new ArrayList<>();

  @Option(
      names = "--out",
      defaultValue = "models",
      description = "Where the model directories go (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "ONNX Runtime threads (default ${DEFAULT-VALUE}).")
  int threads;

  @Override
  public Integer call() throws Exception {
    List<FamilyMember> members = new ArrayList<>();
    if (names.isEmpty()) {
      members.addAll(ModelFamily.MEMBERS);
    }
    for (String name : names) {
      members.add(ModelFamily.named(name)
          .orElseThrow(() -> new UsageException("unknown family member '" + name + "'; members are "
              + ModelFamily.MEMBERS.stream().map(FamilyMember::name).toList() + " and family v4's "
              + ModelFamily.V4.stream().map(FamilyMember::name).toList())));
    }
    for (FamilyMember member : members) {
      PretrainRunner.run(member, out, threads, line -> System.err.println(line));
      spec.commandLine().getOut().printf("wrote %s%n", out.resolve(member.name()));
    }
    return ExitCodes.OK;
  }
}
