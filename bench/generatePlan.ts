// Deterministic `.mlproject.yaml` generator for the benchmark and the robustness tests.
//
// `generatePlan({ seed, lines })` writes a realistic plan of about `lines` lines (many custom steps, candidates,
// literature entries, success criteria), valid against schemas/mlproject.schema.json except for a few planted,
// realistic problems (misspelt keys, wrong types) so that every engine has something to report. The same seed and
// size always give the same text. It also returns the workspace files the plan refers to (brief, dataset, decision
// record, evidence files) so that a check run over a MemoryFs sees a consistent workspace.
//
// Run directly to print a plan:  node --import tsx bench/generatePlan.ts [lines] [seed]

import { createRng, type Rng } from './prng';

export interface PlantedProblem {
  /** what a checker should report */
  kind: 'misspelt-key' | 'wrong-type' | 'bad-enum';
  /** zero-based line of the offending key or value */
  line: number;
  /** the offending text on that line, e.g. `bussiness_metric` */
  token: string;
  description: string;
}

export interface GeneratedPlan {
  text: string;
  /** workspace files the plan refers to, by workspace-relative path */
  files: Record<string, string>;
  problems: PlantedProblem[];
  lineCount: number;
  seed: number;
}

export interface GenerateOptions {
  seed: number;
  /** approximate number of lines wanted (the result is within a few percent) */
  lines: number;
  /** a first line, e.g. a yaml-language-server modeline comment; counted in the lines */
  firstLine?: string;
  /** plant the realistic problems (default true) */
  problems?: boolean;
}

const FIRST = ['Dana', 'Lee', 'Ana', 'Bo', 'Chen', 'Ravi', 'Mia', 'Olu', 'Sven', 'Yuki', 'Ines', 'Tariq', 'Noor', 'Kai', 'Lena', 'Marek'];
const ROLES = ['ml-engineer', 'business-owner', 'data-engineer', 'project-lead', 'product-manager', 'data-scientist', 'designer'];
const METRICS = ['macro_f1', 'accuracy', 'recall_at_10', 'precision', 'auc', 'log_loss', 'latency_ms', 'mae', 'rmse', 'ndcg_at_5', 'coverage', 'calibration_error'];
const MIN_METRICS = new Set(['log_loss', 'latency_ms', 'mae', 'rmse', 'calibration_error']);
const NOUNS = ['genre', 'label', 'audio', 'spectrogram', 'session', 'listener', 'track', 'feature', 'embedding', 'split', 'tag', 'catalog', 'sample', 'annotation', 'playlist', 'artist', 'query', 'click', 'cohort', 'region'];
const VERBS = ['audit', 'sample', 'clean', 'dedupe', 'relabel', 'split', 'review', 'profile', 'benchmark', 'export', 'validate', 'document', 'stress-test', 'calibrate'];
const ADJ = ['noisy', 'rare', 'long-tail', 'recent', 'legacy', 'balanced', 'held-out', 'cold-start', 'multilingual', 'mislabelled', 'short', 'live'];
const ARCH = ['CNN on mel-spectrograms', 'Audio spectrogram transformer', 'Gradient-boosted trees on MFCC statistics', 'Logistic regression on MFCC means', 'k-NN on pretrained embeddings', 'CRNN with attention pooling', 'Fine-tuned wav2vec 2.0', 'Two-tower retrieval model', 'Linear SVM on chroma features', 'Label-propagation over the co-listen graph', 'Distilled transformer', 'Random forest on handcrafted features'];
const VENUES = ['ISMIR', 'ICASSP', 'NeurIPS', 'ICML', 'KDD', 'RecSys', 'Interspeech', 'TASLP'];
const LEVELS = ['low', 'medium', 'high'] as const;
const STATUSES = ['todo', 'in-progress', 'done', 'skipped'] as const;
const PHASES = ['discover', 'define', 'develop', 'deliver', 'deployment'] as const;
const BUILTIN: Record<(typeof PHASES)[number], string[]> = {
  discover: ['business-understanding', 'data-understanding', 'project-brief'],
  define: ['data-preparation', 'baseline'],
  develop: ['literature-review', 'brainstorming', 'model-decision'],
  deliver: ['prototyping', 'tuning', 'evaluation', 'reality-check'],
  deployment: ['clean-up', 'training-pipeline', 'monitoring', 'serving'],
};

function sentence(rng: Rng, words: number): string {
  const parts: string[] = [];
  for (let i = 0; i < words; i++) parts.push(rng.pick(i % 3 === 0 ? ADJ : i % 3 === 1 ? NOUNS : VERBS));
  const s = parts.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A plain scalar needs quoting when it contains `: `, ` #`, or starts with an indicator; our words never do. */
function q(s: string): string {
  return /[:#{}[\],&*!|>'"%@`]/.test(s) || /^[-?]/.test(s) ? JSON.stringify(s) : s;
}

interface Counts {
  team: number;
  criteria: number;
  sources: number;
  issues: number;
  customSteps: number;
  literature: number;
  candidates: number;
  realityChecks: number;
}

function countsFor(scale: number): Counts {
  const n = (base: number, per: number): number => Math.max(base, Math.round(base + per * scale));
  return {
    team: n(3, 0.4),
    criteria: n(2, 0.6),
    sources: n(2, 0.4),
    issues: n(2, 0.5),
    customSteps: n(3, 3),
    literature: n(3, 2),
    candidates: n(4, 1.6),
    realityChecks: n(1, 0.2),
  };
}

function build(seed: number, scale: number, firstLine: string | undefined, plant: boolean): GeneratedPlan {
  const rng = createRng(seed);
  const c = countsFor(scale);
  const out: string[] = [];
  const problems: PlantedProblem[] = [];
  const files: Record<string, string> = {};
  const push = (line: string): number => out.push(line) - 1;
  const plantAt = (kind: PlantedProblem['kind'], line: string, token: string, description: string): void => {
    const ln = push(line);
    problems.push({ kind, line: ln, token, description });
  };
  // Which item of a list carries a planted problem: chosen from the seed, away from the list's ends.
  const victim = (count: number): number => (count <= 2 ? 0 : rng.int(1, count - 2));

  if (firstLine !== undefined) push(firstLine);
  push(`# ML project plan (generated by bench/generatePlan.ts, seed ${seed})`);
  push('version: 1');
  push('project:');
  const lead = rng.pick(FIRST);
  push(`  name: ${sentence(rng, 2)} tagger`);
  push(`  lead: ${lead}                 # organises the work and leads the decision meeting`);
  push('  brief: docs/brief.md');
  files['docs/brief.md'] = '# Brief\n\n## Problem\nTag songs.\n\n## Data\nSee data/.\n\n## Success criteria\nmacro_f1 >= 0.8\n';
  push('  team:');
  for (let i = 0; i < c.team; i++) push(`    - { name: ${i === 0 ? lead : rng.pick(FIRST) + ' ' + String.fromCharCode(65 + (i % 26)) + '.'}, role: ${rng.pick(ROLES)} }`);
  push(`  runway: 20${rng.int(27, 29)}-0${rng.int(1, 9)}-${rng.int(10, 28)}`);
  push('  description: >-');
  for (let i = 0; i < 3; i++) push(`    ${sentence(rng, 8)}`);
  push('');

  push('goal:');
  push(`  problem: ${sentence(rng, 10)}`);
  if (plant) plantAt('misspelt-key', `  bussiness_metric: share of sessions that use genre browsing`, 'bussiness_metric', 'misspelt goal.business_metric');
  else push('  business_metric: share of sessions that use genre browsing');
  push('  success_criteria:');
  const critVictim = victim(c.criteria);
  const criteriaMetrics: string[] = [];
  for (let i = 0; i < c.criteria; i++) {
    const metric = `${rng.pick(METRICS)}${i < METRICS.length ? '' : '_' + i}`;
    criteriaMetrics.push(metric);
    push(`    - metric: ${metric}`);
    const target = MIN_METRICS.has(metric.replace(/_\d+$/, '')) ? rng.int(5, 400) / 10 : rng.int(55, 95) / 100;
    if (plant && i === critVictim) plantAt('wrong-type', `      target: "${target}"`, `"${target}"`, 'success criterion target is a string, not a number');
    else push(`      target: ${target}`);
    push(`      direction: ${MIN_METRICS.has(metric.replace(/_\d+$/, '')) ? 'minimize' : 'maximize'}`);
    push(`      why: ${sentence(rng, 7)}`);
  }
  push('');

  push('data:');
  push(`  description: ${sentence(rng, 9)}`);
  push('  sources:');
  for (let i = 0; i < c.sources; i++) {
    const path = `data/source-${i}.csv`;
    files[path] = 'id,label\n1,rock\n';
    push(`    - name: ${rng.pick(NOUNS)} dump ${i}`);
    push(`      path: ${path}`);
    push(`      description: ${sentence(rng, 6)}`);
  }
  push('  known_issues:');
  for (let i = 0; i < c.issues; i++) push(`    - ${sentence(rng, 7)}`);
  push('');

  push('checklist:                   # status per step: todo | in-progress | done | skipped; missing = todo');
  const perPhase = Math.ceil(c.customSteps / PHASES.length);
  let custom = 0;
  const stepVictimPhase = rng.int(1, 3);
  for (let p = 0; p < PHASES.length; p++) {
    const phase = PHASES[p];
    push(`  ${phase}:`);
    for (const id of BUILTIN[phase]) {
      if (p <= 1) push(`    ${id}: done`);
      else if (p === 2 && id === 'literature-review') push(`    ${id}: { status: done, evidence: docs/literature.md }`);
      else if (p === 4 && id === 'serving') push(`    ${id}: { status: skipped, reason: batch scoring only }`);
      else push(`    ${id}: ${p === 2 ? 'in-progress' : 'todo'}`);
    }
    const n = Math.min(perPhase, c.customSteps - custom);
    const stepVictim = victim(n);
    for (let i = 0; i < n; i++, custom++) {
      push(`    ${rng.pick(VERBS)}-${rng.pick(NOUNS)}-${String(custom).padStart(4, '0')}:`);
      if (plant && p === stepVictimPhase && i === stepVictim) plantAt('bad-enum', '      status: finished', 'finished', 'step status is not one of todo/in-progress/done/skipped');
      else push(`      status: ${p <= 1 ? 'done' : rng.pick(STATUSES)}`);
      push(`      title: ${sentence(rng, 5)}`);
      if (rng.chance(0.5)) push(`      why: ${sentence(rng, 8)}`);
      if (rng.chance(0.3)) {
        const ev = `evidence/step-${custom}.md`;
        files[ev] = `# Evidence for step ${custom}\n`;
        push(`      evidence: ${ev}`);
      }
    }
  }
  files['docs/literature.md'] = '# Literature notes\n';
  push('');

  push('literature:');
  const titles: string[] = [];
  for (let i = 0; i < c.literature; i++) {
    const title = `${sentence(rng, 4)} (${rng.pick(VENUES)} ${rng.int(2009, 2026)}, #${i})`;
    titles.push(title);
    push(`  - title: ${q(title)}`);
    push(`    url: "https://example.org/papers/${i}-${rng.int(1000, 9999)}"`);
    push(`    takeaway: ${sentence(rng, 9)}`);
  }
  push('');

  push('candidates:');
  const candVictim = victim(c.candidates);
  const ids: string[] = [];
  for (let i = 0; i < c.candidates; i++) {
    const id = i === 0 ? 'logreg' : `cand-${i}`;
    ids.push(id);
    push(`  - id: ${id}`);
    push(`    name: ${i === 0 ? 'Logistic regression on MFCC means' : rng.pick(ARCH) + ' v' + i}`);
    if (i === 0) push('    baseline: true');
    if (plant && i === candVictim) plantAt('misspelt-key', `    expected_gian: ${rng.pick(LEVELS)}`, 'expected_gian', 'misspelt candidate expected_gain');
    else push(`    expected_gain: ${i === 0 ? 'low' : rng.pick(LEVELS)}`);
    push(`    cost: ${rng.pick(LEVELS)}`);
    push(`    risk: ${rng.pick(LEVELS)}`);
    if (i > 0) push(`    source: ${q(rng.pick(titles))}`);
    push('    params:');
    push(`      learning_rate: ${rng.int(1, 50) / 10000}`);
    push(`      layers: ${rng.int(1, 24)}`);
    push(`      augment: ${rng.chance(0.5)}`);
    push(`    notes: ${sentence(rng, 8)}`);
  }
  push('');

  const chosen = ids.length > 1 ? ids[1] : ids[0];
  push('decision:');
  push(`  chosen: ${chosen}`);
  push('  date: 2026-12-01');
  push(`  rationale: ${sentence(rng, 10)}`);
  push(`  attendees: [${lead}, Lee, Ana]`);
  push('  record: docs/decision.md');
  files['docs/decision.md'] = '# Decision\n';
  push('');
  push('evaluation:');
  push('  command: python3 eval.py --model ${candidate} --out ${metricsFile}');
  push('  metrics_file: ${runDir}/metrics.json      # a JSON object: metric name -> number');
  push('  dataset: data/test.csv');
  files['data/test.csv'] = 'id,label\n1,rock\n';
  files['eval.py'] = 'print("{}")\n';
  push('  timeout: 30m');
  push('');
  push('reality_checks:');
  for (let i = 0; i < c.realityChecks; i++) {
    push(`  - kind: ${rng.pick(['ab-test', 'demo', 'focus-group', 'pilot', 'user-study'])}`);
    push(`    date: 2027-0${rng.int(1, 9)}-${rng.int(10, 28)}`);
    push(`    plan: ${sentence(rng, 8)}`);
    if (rng.chance(0.5)) push(`    outcome: ${sentence(rng, 6)}`);
  }
  push('');
  push('rules:');
  push('  too-incremental: warning');
  const text = out.join('\n') + '\n';
  void criteriaMetrics;
  return { text, files, problems, lineCount: out.length, seed };
}

/** A plan of about `lines` lines. Deterministic in (seed, lines, firstLine, problems). */
export function generatePlan(options: GenerateOptions): GeneratedPlan {
  const plant = options.problems ?? true;
  // About 18 lines per unit of scale (measured); refine a few times towards the wanted size.
  let scale = Math.max(0, (options.lines - 150) / 18);
  let plan = build(options.seed, scale, options.firstLine, plant);
  for (let i = 0; i < 6 && Math.abs(plan.lineCount - options.lines) > options.lines * 0.02; i++) {
    const base = build(options.seed, 0, options.firstLine, plant).lineCount;
    const perScale = scale > 0 ? (plan.lineCount - base) / scale : 18;
    scale = Math.max(0, scale + (options.lines - plan.lineCount) / Math.max(1, perScale));
    plan = build(options.seed, scale, options.firstLine, plant);
  }
  return plan;
}

/**
 * A one-character edit of a plan: the last letter of the free-text line nearest the middle of the document is
 * replaced, which keeps the plan's diagnostics the same. `variant` 0 and 1 give two different texts, so that
 * alternating between them makes every check see changed text.
 */
export function oneCharEdit(text: string, variant: number): { text: string; offset: number } {
  const mid = text.length >> 1;
  const re = /^ +(?:notes|takeaway|why|plan): [^\n]*[a-z]$/gm;
  let best = -1;
  let bestEnd = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (best < 0 || Math.abs(m.index - mid) < Math.abs(best - mid)) {
      best = m.index;
      bestEnd = end;
    }
    if (m.index > mid) break;
  }
  if (best < 0) throw new Error('oneCharEdit: no free-text line found');
  const offset = bestEnd - 1;
  const ch = variant % 2 === 0 ? 'x' : 'y';
  return { text: text.slice(0, offset) + ch + text.slice(offset + 1), offset };
}

if (require.main === module) {
  const lines = Number(process.argv[2] ?? 200);
  const seed = Number(process.argv[3] ?? 1);
  const plan = generatePlan({ seed, lines });
  process.stdout.write(plan.text);
  process.stderr.write(`${plan.lineCount} lines, ${plan.text.length} chars, problems: ${JSON.stringify(plan.problems)}\n`);
}
