// Providers of the plugin's <dependencies> are listed with their jar, beside the built-in ones.
def log = new File(basedir, 'build.log').text
assert log =~ /task +toy-sums +io\.gvgap\.testing\.ToySumsTask +\S+ +\S*gvgap-testing-[^ ]*\.jar/
assert log =~ /backend +scripted +io\.gvgap\.testing\.ScriptedBackend/
assert log =~ /task +gsm8k +io\.gvgap\.tasks\.gsm8k\.Gsm8kProvider +\S+ +\S*gvgap-tasks-[^ ]*\.jar/
assert log =~ /backend +onnx +io\.gvgap\.onnx\.OnnxBackend/
return true
