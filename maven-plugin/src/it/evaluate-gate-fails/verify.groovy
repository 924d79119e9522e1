// The gate names the group, the measured J(f) and the threshold; the results stay for inspection.
def log = new File(basedir, 'build.log').text
assert log.contains("gvgap: run 'toy' failed 1 gate(s):")
assert log =~ /J\(f\), the accuracy of all samples, of model 'scripted' on task 'toy-sums' is 0\.\d{4}, below failIfAccuracyBelow = 1\.0/
assert new File(basedir, 'target/gvgap/toy/metrics.json').isFile()
return true
