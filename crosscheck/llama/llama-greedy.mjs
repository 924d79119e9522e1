// llama.cpp (through node-llama-cpp, prebuilt CPU binaries) as the independent check of gvgap's
// architectures: loads a GGUF file that gvgap exported and greedy-decodes prompts given as token
// ids, no text tokenisation involved. Prints one JSON line per prompt: {"id", "tokens": [...]}.
// Usage: node llama-greedy.mjs MODEL.gguf PROMPTS.json NEW_TOKENS
//   PROMPTS.json: [{"id": "p0", "ids": [..]}, ...]
import fs from 'node:fs';
import { getLlama } from 'node-llama-cpp';

const [modelPath, promptsPath, newTokensText] = process.argv.slice(2);
const newTokens = Number(newTokensText);
const prompts = JSON.parse(fs.readFileSync(promptsPath, 'utf8'));
const llama = await getLlama({ gpu: false, build: 'never', logLevel: 'error' });
const model = await llama.loadModel({ modelPath });
for (const prompt of prompts) {
  const context = await model.createContext({ contextSize: 512, batchSize: 512, threads: 1 });
  const sequence = context.getSequence();
  const tokens = [];
  for await (const token of sequence.evaluate(prompt.ids, { temperature: 0, yieldEogToken: true })) {
    tokens.push(token);
    if (tokens.length >= newTokens || model.isEogToken(token)) break;
  }
  process.stdout.write(JSON.stringify({ id: prompt.id, tokens }) + '\n');
  await context.dispose();
}
await model.dispose();
