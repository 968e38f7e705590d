// Measures the engines on one generated plan: `benchSize` builds a plan of the given size with four planted
// problems, proves that each engine (the bare YAML parse as the floor, the mlproject full check and its re-check
// after a one-character edit, yaml-language-server in-process and over LSP) reports all of them, then times them in
// interleaved rounds in this process; `probeMemory` measures one engine's memory in a fresh process
// (bench/memoryProbe.ts). Also the result interfaces the report reads: EngineResult, SizeResult, MemoryResult.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { MemoryFs } from '../src/core/workspace/memoryFs';
import { loadCheck, loadYamlLsInProcess, REPO_ROOT, SCHEMA_PATH } from './engines';
import { generatePlan, oneCharEdit, type GeneratedPlan } from './generatePlan';
import { missingLines, YamlServerPeer } from './lspClient';
import { QUICK, SEED, TODAY, gc, log } from './settings';
import { fmtMs, summarise, type Summary } from './stats';

/** Memory of one engine: peak RSS and retained heap deltas, or a note saying why not measured. */
export interface MemoryResult {
  peakRssDelta?: number;
  retainedHeapDelta?: number;
  note?: string;
}

export interface EngineResult {
  key: string;
  label: string;
  available: boolean;
  note?: string;
  samples: number[];
  summary?: Summary;
  /** planted problems found (lines with a diagnostic) / planted */
  proof?: string;
  memory?: MemoryResult;
}

export interface SizeResult {
  lines: number;
  chars: number;
  engines: Record<string, EngineResult>;
  lspOpenMs?: number;
  lspConfigRequestsPerCheck?: number;
}

interface Engine {
  key: string;
  label: string;
  /** one timed operation on a text; returns when done */
  op?: (text: string) => Promise<unknown>;
  /** cheap engines run `inner` times per round (still interleaved) to get enough samples */
  inner: number;
  /** a self-timed operation (the LSP round trip measures its own time) */
  timed?: (text: string) => Promise<number>;
  unavailable?: string;
  note?: string;
}

export async function benchSize(lines: number): Promise<SizeResult> {
  const modeline = `# yaml-language-server: $schema=${pathToFileURL(SCHEMA_PATH).href}`;
  const plan: GeneratedPlan = generatePlan({ seed: SEED, lines, firstLine: modeline });
  const texts = [oneCharEdit(plan.text, 0).text, oneCharEdit(plan.text, 1).text];
  const expected = plan.problems.map((p) => p.line);
  const result: SizeResult = { lines: plan.lineCount, chars: plan.text.length, engines: {} };
  log(`\n== ${plan.lineCount} lines, ${plan.text.length} chars; planted problems on lines ${expected.join(', ')}`);

  const engines: Engine[] = [];
  const proofs: Record<string, string> = {};

  // A. floor: the YAML parse alone
  engines.push({ key: 'floor', label: 'floor: yaml parseDocument', inner: lines <= 1000 ? 5 : 1, op: async (t) => parseDocument(t) });

  // B. mlproject: full check, and the re-check after a one-character edit
  const check = loadCheck();
  if (check.ok) {
    const fs = new MemoryFs({ ...plan.files, '.mlproject.yaml': plan.text });
    const options = { fs, today: TODAY };
    const first = await check.value.checkPlanText(plan.text, options);
    const missing = missingLines(first.diagnostics.filter((d) => !d.file), expected);
    proofs.mlproject = `${expected.length - missing.length}/${expected.length} planted problems reported (${first.diagnostics.length} diagnostics in all)`;
    log(`mlproject: ${proofs.mlproject}${missing.length ? `; missing on lines ${missing.join(', ')}` : ''}`);
    engines.push({ key: 'mlproject', label: 'mlproject: full check', inner: lines <= 1000 ? 5 : 1, op: (t) => check.value.checkPlanText(t, options) });
    if (check.value.createChecker) {
      const checker = check.value.createChecker(options);
      await checker.update(texts[0]);
      engines.push({ key: 'incremental', label: 'mlproject: re-check after 1-char edit (createChecker().update)', inner: lines <= 1000 ? 5 : 1, op: async (t) => checker.update(t) });
    } else {
      engines.push({
        key: 'incremental', label: 'mlproject: re-check after 1-char edit', inner: lines <= 1000 ? 5 : 1,
        op: (t) => check.value.checkPlanText(t, options),
        note: 'no createChecker() in src/core/check.ts: a full check of the edited text',
      });
    }
  } else {
    engines.push({ key: 'mlproject', label: 'mlproject: full check', inner: 0, unavailable: `mlproject check not available (${check.reason})` });
    engines.push({ key: 'incremental', label: 'mlproject: re-check after 1-char edit', inner: 0, unavailable: `mlproject check not available (${check.reason})` });
  }

  // C. yaml-language-server, in this process: its validation service without LSP, IPC or debounce
  const inproc = await loadYamlLsInProcess();
  if (inproc.ok) {
    let version = 1;
    const uri = 'file:///bench/.mlproject.yaml';
    const diags = await inproc.value.validate(uri, version++, plan.text);
    const missing = missingLines(diags, expected);
    proofs['yamlls-inproc'] = `${expected.length - missing.length}/${expected.length} planted problems reported (${diags.length} diagnostics)`;
    log(`yaml-ls in-process: ${proofs['yamlls-inproc']}`);
    if (missing.length > 0) {
      engines.push({ key: 'yamlls-inproc', label: 'yaml-language-server: doValidation in-process', inner: 0, unavailable: `did not validate: no diagnostic on lines ${missing.join(', ')}` });
    } else {
      engines.push({ key: 'yamlls-inproc', label: 'yaml-language-server: doValidation in-process', inner: 1, op: (t) => inproc.value.validate(uri, version++, t) });
    }
  } else {
    engines.push({ key: 'yamlls-inproc', label: 'yaml-language-server: doValidation in-process', inner: 0, unavailable: inproc.reason });
  }

  // D. yaml-language-server over LSP: didChange (full text) -> publishDiagnostics
  let peer: YamlServerPeer | undefined;
  let serverBaselineRss: number | undefined;
  if (existsSync(path.join(REPO_ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'))) {
    try {
      peer = await YamlServerPeer.start(REPO_ROOT, path.join(os.tmpdir(), 'mlproject-bench', '.mlproject.yaml'));
      serverBaselineRss = peer.client.memory()?.rss;
      resetPeak(peer.client.pid);
      const opened = await peer.open(plan.text);
      result.lspOpenMs = opened.ms;
      const missing = missingLines(opened.diagnostics, expected);
      proofs.lsp = `${expected.length - missing.length}/${expected.length} planted problems reported (${opened.diagnostics.length} diagnostics)`;
      log(`yaml-ls LSP: first diagnostics after didOpen in ${fmtMs(opened.ms)} (schema load included); ${proofs.lsp}`);
      if (missing.length > 0) throw new Error(`the server did not validate against the schema: no diagnostic on lines ${missing.join(', ')}`);
      const p = peer;
      engines.push({
        key: 'lsp', label: 'yaml-language-server: LSP didChange → publishDiagnostics', inner: 1,
        timed: async (t) => {
          const r = await p.roundTrip(t);
          if (r.diagnostics.length === 0) throw new Error('round trip returned no diagnostics');
          return r.ms;
        },
      });
    } catch (e) {
      engines.push({ key: 'lsp', label: 'yaml-language-server: LSP didChange → publishDiagnostics', inner: 0, unavailable: (e as Error).message });
    }
  } else {
    engines.push({ key: 'lsp', label: 'yaml-language-server: LSP didChange → publishDiagnostics', inner: 0, unavailable: 'yaml-language-server is not installed' });
  }

  // Warm-up, then interleaved rounds: A, B, C, D, A, B, C, D, ...
  const warmup = QUICK ? 2 : lines <= 1000 ? 10 : 3;
  const rounds = QUICK ? 4 : lines <= 1000 ? 40 : 15;
  const samples: Record<string, number[]> = Object.fromEntries(engines.map((e) => [e.key, []]));
  let flip = 0;
  const configBefore = peer?.client.serverRequests.get('workspace/configuration') ?? 0;
  let lspChecks = 0;
  for (let r = 0; r < warmup + rounds; r++) {
    if (r === warmup && gc) gc();
    for (const e of engines) {
      if (e.unavailable) continue;
      for (let i = 0; i < e.inner; i++) {
        const text = texts[flip++ & 1];
        let ms: number;
        if (e.timed) {
          ms = await e.timed(text);
          if (r >= warmup) lspChecks++;
        } else {
          const t0 = performance.now();
          await e.op!(text);
          ms = performance.now() - t0;
        }
        if (r >= warmup) samples[e.key].push(ms);
      }
    }
  }
  if (peer) {
    const configAfter = peer.client.serverRequests.get('workspace/configuration') ?? 0;
    result.lspConfigRequestsPerCheck = lspChecks > 0 ? (configAfter - configBefore) / lspChecks : undefined;
    const mem = peer.client.memory();
    for (const e of engines) if (e.key === 'lsp' && !e.unavailable && mem && serverBaselineRss !== undefined) {
      result.engines.lsp = { key: 'lsp', label: e.label, available: true, samples: [], memory: { peakRssDelta: mem.peakRss - serverBaselineRss, note: 'server process: peak RSS since initialize − RSS after initialize' } };
    }
    await peer.shutdown();
  }
  for (const e of engines) {
    const prev = result.engines[e.key];
    result.engines[e.key] = {
      key: e.key, label: e.label, available: !e.unavailable, note: e.unavailable ?? e.note,
      samples: samples[e.key], summary: e.unavailable ? undefined : summarise(samples[e.key]), proof: proofs[e.key], memory: prev?.memory,
    };
    if (!e.unavailable) log(`${e.label}: median ${fmtMs(result.engines[e.key].summary!.median)} (n=${samples[e.key].length})`);
    else log(`${e.label}: NOT AVAILABLE: ${e.unavailable}`);
  }
  return result;
}

function resetPeak(pid: number | undefined): void {
  try {
    if (pid) writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak then includes start-up
  }
}

/** Memory of one engine in a fresh process (bench/memoryProbe.ts). */
export function probeMemory(engine: string, lines: number): MemoryResult {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(__dirname, 'memoryProbe.ts'), engine, String(lines)], {
    cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000,
  });
  try {
    const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
    if (!out.ok) return { note: out.reason };
    return { peakRssDelta: out.peakRssDelta, retainedHeapDelta: out.retainedHeapDelta };
  } catch {
    return { note: `memory probe failed: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(-1)[0]}` };
  }
}

