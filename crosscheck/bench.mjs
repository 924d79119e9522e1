// Times transformers.js (onnxruntime-node, CPU) on the runs of a gvgap benchmark plan (all, or the
// one at RUN_INDEX): the same model directories, prompts, sampling and thread count as gvgap's
// GenerationBenchmark. Appends one JSON line per run to DIR/results-transformers-js.jsonl with the
// fields of gvgap's BenchmarkResult.
// Each prompt's samples come from generate calls on a batch of at most transformersJsBatchRows
// copies of the prompt (transformers.js 3.8 ignores num_return_sequences, so a batch of copies is how
// it samples a prompt many times; each copy is prefilled).
// Usage: node bench.mjs DIR [RUN_INDEX]
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, runIndex] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node bench.mjs DIR [RUN_INDEX] (DIR: the directory GenerationBenchmark prepare wrote)');
  process.exit(2);
}
const plan = JSON.parse(readFileSync(path.join(dir, 'plan.json'), 'utf8'));
const results = path.join(dir, 'results-transformers-js.jsonl');
const runs = runIndex === undefined ? plan.runs : [plan.runs[Number(runIndex)]];
if (runs.some((run) => run === undefined)) {
  console.error(`run ${runIndex} is not in ${path.join(dir, 'plan.json')} (runs 0..${plan.runs.length - 1})`);
  process.exit(2);
}
env.allowRemoteModels = false;

const loaded = new Map();
async function open(modelDir) {
  if (!loaded.has(modelDir)) {
    env.localModelPath = path.dirname(modelDir);
    const name = path.basename(modelDir);
    const tokenizer = await AutoTokenizer.from_pretrained(name, { local_files_only: true });
    const model = await AutoModelForCausalLM.from_pretrained(name, {
      local_files_only: true, subfolder: '', dtype: 'fp32', device: 'cpu',
      session_options: { intraOpNumThreads: plan.threads, interOpNumThreads: 1 },
    });
    for (const [other, opened] of loaded) {
      await opened.model.dispose();
      loaded.delete(other);
    }
    loaded.set(modelDir, { tokenizer, model });
  }
  return loaded.get(modelDir);
}

const sampling = (newTokens) => ({
  do_sample: true, temperature: plan.temperature, top_p: plan.topP, top_k: plan.topK, max_new_tokens: newTokens,
});

for (const run of runs) {
  const { tokenizer, model } = await open(run.modelDir);
  // the part of the workload transformers.js runs (see gvgap's BenchmarkRun): its first prompts
  const prompts = readFileSync(run.promptsFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
    .slice(0, run.transformersJsPrompts);
  const samples = run.transformersJsSamples;
  const { newTokens } = run.workload;
  // warm-up, not timed
  await model.generate({ ...tokenizer(['Q: 1 + 1?\nA:', 'Q: 1 + 1?\nA:']), ...sampling(4) });
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let tokens = 0;
  for (const { prompt } of prompts) {
    for (let done = 0; done < samples; done += run.transformersJsBatchRows) {
      const rows = Math.min(run.transformersJsBatchRows, samples - done);
      // identical copies, so no padding
      const inputs = tokenizer(Array(rows).fill(prompt), { add_special_tokens: true });
      const promptLength = inputs.input_ids.dims[1];
      const output = await model.generate({ ...inputs, ...sampling(newTokens) });
      const all = output.tolist();
      if (all.length !== rows) {
        throw new Error(`${run.model}: asked for ${rows} samples, transformers.js returned ${all.length}`);
      }
      for (const ids of all) {
        const generated = ids.slice(promptLength);
        tokenizer.decode(generated, { skip_special_tokens: true });
        if (generated.length !== newTokens) {
          throw new Error(`${run.model}: a sample has ${generated.length} tokens, `
            + `expected ${newTokens} (the benchmark model must have no eos_token_id)`);
        }
        tokens += generated.length;
      }
    }
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const label = `${run.workload.prompts}x${run.workload.samples}`;
  console.error(`transformers.js ${run.model} ${label}: ${tokens} tokens in ${seconds.toFixed(2)} s, `
    + `${(tokens / seconds).toFixed(1)} tokens/s`);
  appendFileSync(results, JSON.stringify({
    implementation: 'transformers.js', model: run.model, workload: label, generatedTokens: tokens, seconds, cpuSeconds,
  }) + '\n');
}
