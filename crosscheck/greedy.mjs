// Greedy-decodes prompts with transformers.js (an independent ONNX Runtime driver) for a gvgap
// model directory, printing one JSON line per prompt: {"id", "token_ids"} (generated ids only).
// Usage: node greedy.mjs MODEL_DIR PROMPTS.jsonl MAX_NEW_TOKENS
import { AutoModelForCausalLM, AutoTokenizer, env } from '@huggingface/transformers';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [modelDir, promptsFile, maxNewTokens] = process.argv.slice(2);
env.allowRemoteModels = false;
env.localModelPath = path.dirname(path.resolve(modelDir));
const name = path.basename(path.resolve(modelDir));
const tokenizer = await AutoTokenizer.from_pretrained(name, { local_files_only: true });
const model = await AutoModelForCausalLM.from_pretrained(name, {
  local_files_only: true, subfolder: '', dtype: 'fp32', device: 'cpu',
});
for (const line of readFileSync(promptsFile, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const { id, prompt } = JSON.parse(line);
  const inputs = tokenizer(prompt, { add_special_tokens: true });
  const output = await model.generate({ ...inputs, max_new_tokens: Number(maxNewTokens), do_sample: false });
  const all = Array.from(output.tolist()[0], Number);
  console.log(JSON.stringify({ id, token_ids: all.slice(inputs.input_ids.dims[1]) }));
}
