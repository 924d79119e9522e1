// The examples build ran the conformance kit on the third-party task and evaluated it with the
// built-in model arith-s through the Maven plugin, the task coming from the plugin's <dependencies>.
// The invoker hands this script the directory it was found in (src/it-examples) as basedir, since
// the script lives outside the cloned project; the project is target/it-examples beside it.
def project = new File(basedir, 'build.log').isFile() ? basedir : new File(basedir, '../../target/it-examples').canonicalFile
def log = new File(project, 'build.log').text
assert log =~ /Tests run: \d+, Failures: 0, Errors: 0, Skipped: 0/ : 'no test summary in the examples build'
assert log.contains('ReverseWordConformanceTest')
assert log =~ /Found task 'reverse-word': com\.example\.reverse\.ReverseWordProvider from \S*reverse-task/
def run = new File(project, 'reverse-evaluation/target/gvgap/reverse-words')
assert new File(run, 'metrics.json').isFile() : "no metrics.json in ${run}"
assert new File(run, 'run.json').text.contains('"SUCCESS"')
assert new File(run, 'report.html').text.contains('<meta http-equiv="Content-Security-Policy"') : 'gvgap:evaluate wrote no report.html'
assert log.contains('arith-s on reverse-word: 8 prompts')
assert log.contains('arith-s on arithmetic: 8 prompts')
// the model opened is the repository's models/arith-s, not a stand-in written by the build
assert new File(run, 'spec.json').text.contains('models/arith-s')
assert !new File(project, 'reverse-evaluation/target/model').exists()
assert log.contains('gvgap: all gates passed')
return true
