// The generated blocks of the brief, by id. Each generator returns the block's Markdown lines from the plan, or
// undefined when the plan has nothing for it (the block is then empty, or holds the template's text inside it).
// Generated text depends on the plan, the runs and at most whether a date has passed, never on how many days are
// left: a countdown would change the brief every day.
import type { Candidate, ProjectPlan } from '../model';
import { rankCandidates } from '../process/ranking';
import { cell, code, inline, isLinkable, linkDestination, linkText, paragraphs, table } from './markdownText';
import { formatMetric, latestRunByCandidate, type RunSummary } from './runs';
import { resultsBlock } from './results';

export interface BlockContext {
  plan: ProjectPlan;
  /** YYYY-MM-DD; says whether the runway has passed (a risk) */
  today?: string;
  runs?: readonly RunSummary[];
}

type Generator = (ctx: BlockContext) => string[] | undefined;

function text(v: unknown): string | undefined {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function candidateLabel(c: Candidate): string {
  const name = text(c.name);
  const id = text(c.id);
  if (name && id) return `**${inline(name)}** (${code(id)})`;
  return name ? `**${inline(name)}**` : id ? code(id) : '_unnamed candidate_';
}

function runLine(run: RunSummary | undefined): string[] {
  if (!run) return [];
  const metrics = Object.entries(run.metrics)
    .map(([k, v]) => `${inline(k)} ${formatMetric(v)}`)
    .join(', ');
  return [`Latest run (${inline(run.end.slice(0, 10))}): ${metrics}.`];
}

function daysBetween(from: string, to: string): number | undefined {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.round((b - a) / 86_400_000);
}

const title: Generator = ({ plan }) => {
  const name = text(plan.project?.name);
  return [name ? `# ${inline(name)}: project brief` : '# Project brief'];
};

const goal: Generator = ({ plan }) => {
  const problem = text(plan.goal?.problem);
  const metric = text(plan.goal?.business_metric);
  if (!problem && !metric) return undefined;
  const out: string[] = [];
  if (problem) out.push(...paragraphs(problem));
  else out.push('_TODO:_ State the problem the model solves and for whom (`goal.problem`).');
  out.push('', metric ? `**Business metric:** ${inline(metric)}` : '_TODO:_ Name the business metric the model should move (`goal.business_metric`).');
  return out;
};

const successCriteria: Generator = ({ plan }) => {
  const criteria = (plan.goal?.success_criteria ?? []).filter((c) => c && typeof c === 'object');
  if (criteria.length === 0) return undefined;
  const rows = criteria.map((c) => [cell(c.metric), cell(c.target), cell(c.direction), cell(c.why)]);
  return table(['Metric', 'Target', 'Direction', 'Why this target'], rows);
};

const data: Generator = ({ plan }) => {
  const d = plan.data ?? {};
  const sources = (d.sources ?? []).filter((s) => s && typeof s === 'object');
  const issues = (d.known_issues ?? []).map(text).filter((s): s is string => s !== undefined);
  const dataset = text(plan.evaluation?.dataset);
  const out: string[] = [];
  const add = (lines: string[]): void => {
    if (lines.length === 0) return;
    if (out.length > 0) out.push('');
    out.push(...lines);
  };
  add(paragraphs(d.description));
  add(sources.length === 0 ? [] : ['**Sources:**', '', ...sources.map((s) => {
    const label = text(s.name) ? `**${inline(s.name)}**` : code(s.path ?? 'source');
    const where = text(s.name) && text(s.path) ? ` (${code(s.path)})` : '';
    const what = text(s.description) ? `: ${inline(s.description)}` : '';
    return `- ${label}${where}${what}`;
  })]);
  add(issues.length === 0 ? [] : ['**Known issues:**', '', ...issues.map((i) => `- ${inline(i)}`)]);
  add(dataset ? [`**Evaluation dataset:** ${code(dataset)}`] : []);
  return out.length > 0 ? out : undefined;
};

const baseline: Generator = ({ plan, runs }) => {
  const baselines = (plan.candidates ?? []).filter((c) => c && c.baseline === true);
  if (baselines.length === 0) return undefined;
  const latest = latestRunByCandidate(runs ?? []);
  const out: string[] = [];
  for (const c of baselines) {
    if (out.length > 0) out.push('');
    out.push(`**Baseline:** ${candidateLabel(c)}${text(c.notes) ? `: ${inline(c.notes)}` : ''}`);
    const run = runLine(typeof c.id === 'string' ? latest.get(c.id) : undefined);
    if (run.length > 0) out.push('', ...run);
  }
  return out;
};

const candidates: Generator = ({ plan, runs }) => {
  const all = (plan.candidates ?? []).filter((c) => c && typeof c === 'object' && c.baseline !== true);
  if (all.length === 0) return undefined;
  const ranks = new Map(rankCandidates(all).map((r) => [r.candidate, r.rank]));
  const latest = latestRunByCandidate(runs ?? []);
  const metricNames = [...new Set([...latest.values()].flatMap((r) => Object.keys(r.metrics)))].slice(0, 4);
  const header = ['Candidate', 'Expected gain', 'Cost', 'Risk', 'Rank (gain per cost)', ...metricNames.map((m) => cell(m))];
  const rows = all.map((c) => {
    const run = typeof c.id === 'string' ? latest.get(c.id) : undefined;
    return [candidateLabel(c), cell(c.expected_gain), cell(c.cost), cell(c.risk), cell(ranks.get(c)), ...metricNames.map((m) => formatMetric(run?.metrics[m]))];
  });
  const out = table(header, rows);
  const chosen = text(plan.decision?.chosen);
  if (chosen) {
    const why = text(plan.decision?.rationale);
    const when = text(plan.decision?.date);
    out.push('', `**Decision${when ? ` (${inline(when)})` : ''}:** ${code(chosen)}${why ? `: ${inline(why)}` : ''}`);
  }
  // The statistics of the runs that count, per candidate (the baseline included), when there are any.
  const results = resultsBlock(plan, runs);
  if (results) out.push('', ...results);
  return out;
};

const literature: Generator = ({ plan }) => {
  const entries = (plan.literature ?? []).filter((e) => e && (text(e.title) || text(e.url)));
  if (entries.length === 0) return undefined;
  return entries.map((e) => {
    const label = linkText(e.title ?? e.url);
    const title = isLinkable(e.url) ? `[${label}](${linkDestination(e.url)})` : `**${label}**`;
    return `- ${title}: ${text(e.takeaway) ? inline(e.takeaway) : '_no takeaway recorded yet_'}`;
  });
};

const risks: Generator = ({ plan, today }) => {
  const out: string[] = [];
  for (const issue of plan.data?.known_issues ?? []) if (text(issue)) out.push(`- Data: ${inline(issue)}`);
  for (const c of plan.candidates ?? []) if (c && c.risk === 'high') out.push(`- Candidate ${candidateLabel(c)} is high risk.`);
  const left = text(plan.project?.runway) && today ? daysBetween(today, String(plan.project!.runway)) : undefined;
  if (left !== undefined && left < 0) out.push(`- The runway (${inline(plan.project!.runway)}) has passed.`);
  return out.length > 0 ? out : undefined;
};

const realityCheck: Generator = ({ plan }) => {
  const checks = (plan.reality_checks ?? []).filter((c) => c && typeof c === 'object');
  if (checks.length === 0) return undefined;
  return checks.map((c) => {
    const head = `**${inline(c.kind ?? 'check')}**${text(c.date) ? ` (${inline(c.date)})` : ''}`;
    const parts = [text(c.plan) ? `plan: ${inline(c.plan)}` : '', text(c.outcome) ? `outcome: ${inline(c.outcome)}` : 'outcome: not yet'];
    return `- ${head}: ${parts.filter(Boolean).join('; ')}`;
  });
};

const team: Generator = ({ plan }) => {
  const p = plan.project ?? {};
  const members = (p.team ?? []).filter((m) => m && text(m.name));
  const runway = text(p.runway);
  if (!text(p.lead) && members.length === 0 && !runway) return undefined;
  const out: string[] = [];
  out.push(text(p.lead) ? `- **Project lead:** ${inline(p.lead)}` : '- **Project lead:** _TODO:_ name the project lead (`project.lead`).');
  if (members.length > 0) {
    const list = members.map((m) => `${inline(m.name)}${text(m.role) ? ` (${inline(m.role)})` : ''}`).join(', ');
    out.push(`- **Team:** ${list}`);
  }
  if (runway) out.push(`- **Runway:** ${inline(runway)}`);
  return out;
};

export const BLOCK_GENERATORS: Readonly<Record<string, Generator>> = {
  title,
  goal,
  'success-criteria': successCriteria,
  data,
  baseline,
  candidates,
  literature,
  risks,
  'reality-check': realityCheck,
  team,
};

export const KNOWN_BLOCK_IDS: readonly string[] = Object.keys(BLOCK_GENERATORS);
