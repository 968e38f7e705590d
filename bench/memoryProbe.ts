// Measures the memory of one engine on one input in a fresh process, so that engines do not share a heap or a
// peak: `node --expose-gc --import tsx bench/memoryProbe.ts <floor|mlproject|yamlls-inproc|summarise> <lines>`.
// Prints one JSON line: { ok, peakRssDelta, retainedHeapDelta } or { ok: false, reason }.
//
// Method: load the engine and run it once (warm-up, so code and caches are not counted), full GC, reset the
// note RSS and heap, reset the kernel's peak-RSS mark (/proc/self/clear_refs, "5"); run the engine once more while holding
// its result; peakRssDelta = VmHWM - RSS before; retainedHeapDelta = heapUsed after a full GC - heapUsed before.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { parse } from 'yaml';
import { MemoryFs } from '../src/core/workspace/memoryFs';
import { generatePlan, oneCharEdit } from './generatePlan';
import { generateHistory } from './generateHistory';
import { loadCheck, loadSummarise, loadYamlLsInProcess, SCHEMA_PATH } from './engines';
import { pathToFileURL } from 'node:url';

function procStatusBytes(key: string): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
}

async function main(): Promise<void> {
  const [engine, linesArg] = process.argv.slice(2);
  const lines = Number(linesArg);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const modeline = `# yaml-language-server: $schema=${pathToFileURL(SCHEMA_PATH).href}`;
  const plan = generatePlan({ seed: 1, lines, firstLine: modeline });
  const texts = [oneCharEdit(plan.text, 0).text, oneCharEdit(plan.text, 1).text];
  let op: (text: string) => Promise<unknown>;
  if (engine === 'floor') {
    op = async (text) => parseDocument(text);
  } else if (engine === 'mlproject') {
    const check = loadCheck();
    if (!check.ok) return void console.log(JSON.stringify({ ok: false, reason: check.reason }));
    const fs = new MemoryFs({ ...plan.files, '.mlproject.yaml': plan.text });
    op = (text) => check.value.checkPlanText(text, { fs, today: '2026-06-01' });
  } else if (engine === 'yamlls-inproc') {
    const ls = await loadYamlLsInProcess();
    if (!ls.ok) return void console.log(JSON.stringify({ ok: false, reason: ls.reason }));
    let version = 1;
    op = (text) => ls.value.validate('file:///bench/.mlproject.yaml', version++, text);
  } else if (engine === 'summarise') {
    const summarise = loadSummarise();
    if (!summarise.ok) return void console.log(JSON.stringify({ ok: false, reason: summarise.reason }));
    const small = generatePlan({ seed: 1, lines: 200, problems: false });
    const planData = parse(small.text);
    const candidates = (planData.candidates as Array<{ id: string }>).map((c) => c.id);
    const metrics = (planData.goal.success_criteria as Array<{ metric: string }>).map((c) => c.metric);
    const runs = generateHistory(1, lines, candidates, metrics);
    op = async () => summarise.value(runs, planData);
  } else {
    throw new Error(`unknown engine ${engine}`);
  }
  // Warm up inside a function of its own: an awaited value that is never used can stay referenced from the
  // suspended frame of the function that awaited it, and would be counted as "before".
  const warmUp = async (): Promise<void> => {
    await op(texts[0]);
  };
  await warmUp();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  gc();
  const rssBefore = procStatusBytes('VmRSS');
  const heapBefore = process.memoryUsage().heapUsed;
  let canReset = true;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    canReset = false;
  }
  // Held through a global: a local that is not used after the GC may be collected before it.
  (globalThis as { __keep?: unknown }).__keep = await op(texts[1]);
  const peak = procStatusBytes('VmHWM');
  gc();
  gc();
  const heapAfter = process.memoryUsage().heapUsed;
  console.log(JSON.stringify({
    ok: true,
    peakRssDelta: canReset ? Math.max(0, peak - rssBefore) : undefined,
    retainedHeapDelta: heapAfter - heapBefore,
    rssBefore,
  }));
}

main().catch((e) => {
  console.log(JSON.stringify({ ok: false, reason: (e as Error).message }));
  process.exitCode = 1;
});
