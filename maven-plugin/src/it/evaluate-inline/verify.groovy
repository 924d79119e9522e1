// The run directory is under target/gvgap/<run name>, finished, with metrics; the log has the table.
def run = new File(basedir, 'target/gvgap/toy')
assert new File(run, 'metrics.json').isFile() : "no metrics.json in ${run}"
assert new File(run, 'run.json').text.contains('"SUCCESS"')
// the launcher found the sample index as a service in the plugin's class realm, and recorded gvgap's version
assert new File(run, 'index').isDirectory() : "no sample index in ${run}"
assert new File(run, 'diversity.json').isFile() : "no diversity.json in ${run}"
assert new File(run, 'report.html').isFile() : "no report.html in ${run}"
assert new File(run, 'run.json').text =~ /"gvgapVersion"\s*:\s*"\d+\.\d+\.\d+(-SNAPSHOT)?"/
assert new File(basedir, 'target/gvgap-inline/evaluate-inline.yaml').text.startsWith('name: toy\nmodels:\n  - backend: scripted\n')
def log = new File(basedir, 'build.log').text
assert log.contains('gvgap: scripted / toy-sums (generate + verify): started (36 steps)')
assert log.contains('scripted on toy-sums: 6 prompts')
assert log.contains('gvgap: all gates passed')
return true
