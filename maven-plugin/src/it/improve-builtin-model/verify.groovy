// gvgap:improve ran one round on the built-in model from an inline spec: the study directory holds
// rounds.json with rounds 0 and 1, the distilled model of round 1, the round runs and a report.
import groovy.json.JsonSlurper
def study = new File(basedir, 'target/gvgap/improve-3xs')
def rounds = new JsonSlurper().parse(new File(study, 'rounds.json'))
assert rounds.rounds.size() == 2 : "expected rounds 0 and 1 in ${study}/rounds.json"
assert rounds.rounds*.round == [0, 1]
assert new File(study, 'models/round-1/model.onnx').isFile() : 'no distilled model for round 1'
// each round's run is assembled by the launcher like any other: sample index and diversity included
for (round in ['round-0', 'round-1']) {
  assert new File(study, round + '/index').isDirectory() : "no sample index in ${study}/${round}"
  assert new File(study, round + '/diversity.json').isFile() : "no diversity.json in ${study}/${round}"
}
assert new File(study, 'report.html').text.contains('<meta http-equiv="Content-Security-Policy"')
assert new File(basedir, 'target/gvgap-inline/improve-builtin-model-improve.yaml').text.startsWith('name: improve-3xs\n')
def log = new File(basedir, 'build.log').text
assert log.contains('gvgap: round 0 arithmetic (evaluation split, ')
assert log.contains('gvgap: round 1 arithmetic (evaluation split, ')
return true
