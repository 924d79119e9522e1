// llama.cpp's half of bench/llamacpp.sh: the same GGUF model, prompts (as token ids), samples,
// new tokens, temperature and threads as gvgap's half; all samples of a prompt decode together
// (one context with a sequence per sample). Prints "llama.cpp: T tokens in S s, R tokens/s".
// Usage: node bench.mjs MODEL.gguf PROMPTS.json SAMPLES NEW_TOKENS THREADS [TEMPERATURE]
//   (temperature 0: greedy)
import fs from 'node:fs';
import { getLlama } from 'node-llama-cpp';

const [modelPath, promptsPath, samplesText, newTokensText, threadsText] = process.argv.slice(2);
const samples = Number(samplesText);
const newTokens = Number(newTokensText);
const threads = Number(threadsText);
const temperature = Number(process.argv[7] ?? '0.7');
const prompts = JSON.parse(fs.readFileSync(promptsPath, 'utf8'));
const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error' });
const model = await llama.loadModel({ modelPath });

async function run() {
  let tokens = 0;
  for (const prompt of prompts) {
    const context = await model.createContext({
      contextSize: 512 * samples, batchSize: 512, sequences: samples, threads });
    await Promise.all(Array.from({ length: samples }, async (_, s) => {
      const sequence = context.getSequence();
      let count = 0;
      for await (const token of sequence.evaluate(prompt.ids, {
        temperature, seed: 1 + s, yieldEogToken: true })) {
        count++;
        if (count >= newTokens) break;
      }
      tokens += count;
    }));
    await context.dispose();
  }
  return tokens;
}

await run(); // warm-up at the workload's size
const start = process.hrtime.bigint();
const tokens = await run();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(`llama.cpp (${samples} samples, T=${temperature}): ${tokens} tokens in ${seconds.toFixed(2)} s, ${(tokens / seconds).toFixed(1)} tokens/s`);
await model.dispose();
