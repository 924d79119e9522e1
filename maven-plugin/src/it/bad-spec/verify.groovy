// The same message as `gvgap validate spec.yaml`: file, line, column, field path, suggestion.
def log = new File(basedir, 'build.log').text
assert log.contains("spec.yaml:10:11: verifiers[1].name: Unknown verifier 'oracel'")
assert log.contains("did you mean 'oracle'?")
assert !new File(basedir, 'target/gvgap/toy').exists()
return true
