// Run the decoder's engine (docs/assets/js/decoder-engine.js) for scripts/bench_decoder.py, under Node.
// Usage: node scripts/decoder_run.mjs RULES.json TEXTS.json  ->  JSON: the kinds found in each text, and timings.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { compile, decode } from "../docs/assets/js/decoder-engine.js";

const [rulesFile, textsFile] = process.argv.slice(2);
const engine = compile(JSON.parse(readFileSync(rulesFile, "utf8")));
const texts = JSON.parse(readFileSync(textsFile, "utf8"));
const kinds = texts.map((text) => decode(text, engine).map((finding) => finding.kind));

// 100 KB of realistic text: the evaluation messages repeated, as a reader might paste a long thread.
let long = "";
while (long.length < 100_000) long += texts.join("\n\n") + "\n\n";
long = long.slice(0, 100_000);
decode(long, engine); // warm up, as a reader's second keystroke would
// Wall time depends on what else the machine runs; CPU time is the work the decoder itself does.
const wall = [];
const cpu = [];
for (let i = 0; i < 15; i += 1) {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  decode(long, engine);
  wall.push(performance.now() - start);
  const used = process.cpuUsage(startCpu);
  cpu.push((used.user + used.system) / 1000);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(JSON.stringify({ kinds, long_input_chars: long.length, wall_ms: median(wall), cpu_ms: median(cpu),
                             wall_ms_max: Math.max(...wall) }));
