// Every report is self-contained (the Content-Security-Policy meta tag) and names the task; the
// side-by-side one holds both runs, the named one only its run.
def csp = '<meta http-equiv="Content-Security-Policy"'
def target = new File(basedir, 'target')
def log = new File(basedir, 'build.log').text

for (name in ['alpha', 'beta']) {
  def own = new File(target, "gvgap/${name}/report.html")
  assert own.isFile() : "gvgap:evaluate wrote no ${own}"
  assert own.text.contains(csp) && own.text.contains('toy-sums')
  assert log.contains("gvgap: report ${own.absolutePath}")
}

def both = new File(target, 'gvgap/report.html')
assert both.isFile() : "gvgap:report wrote no ${both}"
assert both.text.contains(csp) && both.text.contains('toy-sums')
assert both.text.contains('<title>gvgap report: 2 runs</title>')
assert both.text.contains('alpha') && both.text.contains('beta')
assert log.contains("gvgap: report of 2 runs")

def alpha = new File(target, 'site/alpha.html')
assert alpha.isFile() : "gvgap:report -Dgvgap.reportFile wrote no ${alpha}"
assert alpha.text.contains(csp) && alpha.text.contains('toy-sums')
assert alpha.text.contains('<title>gvgap report: alpha</title>')
assert log.contains("written to ${alpha.absolutePath}")
return true
