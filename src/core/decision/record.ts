// The model decision record: the Markdown minutes of the Develop phase's decision meeting, led by the project lead.
// It lists every candidate with its expected gain, cost, risk, literature source and latest metrics, who attended,
// the chosen candidate, the rationale and the alternatives kept as plan B. Records are never overwritten: a second
// decision on the same day gets `-2`, then `-3`, and so on.
import type { Candidate, ProjectPlan } from '../model';
import { rankCandidates } from '../process/ranking';
import { cell, code, inline, paragraphs, table } from '../brief/markdownText';
import { formatMetric, latestRunByCandidate, type RunSummary } from '../brief/runs';
import { isIsoDate } from '../text/dates';

export interface DecisionInput {
  /** id of the chosen candidate */
  chosen: string;
  rationale: string;
  /** YYYY-MM-DD */
  date: string;
  /** default: the project lead and the team */
  attendees?: string[];
  runs?: readonly RunSummary[];
}

export const DECISIONS_DIR = 'docs/decisions';
export { isIsoDate };

/** `docs/decisions/YYYY-MM-DD-model.md`, or with `-2`, `-3`… when an earlier record already has that name. */
export function decisionRecordPath(date: string, existing: ReadonlySet<string>): string {
  if (!isIsoDate(date)) throw new Error(`decision date "${date}" is not a YYYY-MM-DD date`);
  const base = `${DECISIONS_DIR}/${date}-model`;
  if (!existing.has(`${base}.md`)) return `${base}.md`;
  for (let n = 2; ; n++) if (!existing.has(`${base}-${n}.md`)) return `${base}-${n}.md`;
}

/** The project lead, then each team member, without duplicates or blanks. */
export function defaultAttendees(plan: ProjectPlan): string[] {
  const names = [plan.project?.lead, ...(plan.project?.team ?? []).map((m) => m?.name)];
  return [...new Set(names.filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim()))];
}

function label(c: Candidate): string {
  return c.name ? `${inline(c.name)} (${code(c.id ?? '?')})` : code(c.id ?? '?');
}

function candidateTable(plan: ProjectPlan, input: DecisionInput): string[] {
  const candidates = (plan.candidates ?? []).filter((c) => c && typeof c === 'object');
  const ranks = new Map(rankCandidates(candidates.filter((c) => c.baseline !== true)).map((r) => [r.candidate, r.rank]));
  const latest = latestRunByCandidate(input.runs ?? []);
  const targets = (plan.goal?.success_criteria ?? []).map((s) => s?.metric).filter((m): m is string => typeof m === 'string');
  const seen = [...latest.values()].flatMap((r) => Object.keys(r.metrics));
  const metrics = [...new Set([...targets, ...seen])].slice(0, 5);
  const header = ['Candidate', 'Expected gain', 'Cost', 'Risk', 'Rank', 'Source', ...metrics.map((m) => cell(m))];
  const rows = candidates.map((c) => {
    const run = typeof c.id === 'string' ? latest.get(c.id) : undefined;
    const name = `${c.id === input.chosen ? '**chosen:** ' : ''}${c.baseline ? 'baseline: ' : ''}${label(c).replace(/\|/g, '\\|')}`;
    const rank = c.baseline ? 'baseline' : ranks.get(c);
    return [name, cell(c.expected_gain), cell(c.cost), cell(c.risk), cell(rank), cell(c.source), ...metrics.map((m) => formatMetric(run?.metrics[m]))];
  });
  return table(header, rows);
}

function targetsLine(plan: ProjectPlan): string[] {
  const criteria = (plan.goal?.success_criteria ?? []).filter((s) => s && typeof s.metric === 'string' && typeof s.target === 'number');
  if (criteria.length === 0) return [];
  const parts = criteria.map((s) => `${inline(s.metric)} ${s.direction === 'minimize' ? '≤' : '≥'} ${formatMetric(s.target)}`);
  return ['', `Success criteria: ${parts.join(', ')}.`];
}

/** The decision record's Markdown. Throws when `chosen` is not a candidate of the plan. */
export function renderDecisionRecord(plan: ProjectPlan, input: DecisionInput): string {
  const candidates = (plan.candidates ?? []).filter((c) => c && typeof c === 'object');
  const chosen = candidates.find((c) => c.id === input.chosen);
  if (!chosen) {
    const ids = candidates.map((c) => c.id).filter(Boolean).join(', ') || 'none';
    throw new Error(`"${input.chosen}" is not a candidate id (candidates: ${ids})`);
  }
  const attendees = (input.attendees && input.attendees.length > 0 ? input.attendees : defaultAttendees(plan)).map(inline);
  const lead = plan.project?.lead;
  const planB = rankCandidates(candidates.filter((c) => c.baseline !== true)).filter((r) => r.candidate !== chosen);
  const out: string[] = [
    `# Model decision: ${label(chosen)}`,
    '',
    `- **Date:** ${inline(input.date)}`,
  ];
  if (plan.project?.name) out.push(`- **Project:** ${inline(plan.project.name)}`);
  out.push(`- **Led by:** ${lead ? inline(lead) : '_no project lead named_'}`);
  out.push(`- **Attendees:** ${attendees.length > 0 ? attendees.join(', ') : '_none recorded_'}`);
  out.push('', '## Candidates', '', ...candidateTable(plan, input), ...targetsLine(plan));
  out.push('', '## Decision', '', `Chosen: ${label(chosen)}.`);
  out.push('', '## Rationale', '', ...(paragraphs(input.rationale).length > 0 ? paragraphs(input.rationale) : ['_No rationale recorded._']));
  out.push('', '## Plan B', '');
  if (planB.length === 0) out.push('No alternative was considered.');
  else
    for (const r of planB) {
      const c = r.candidate;
      const facts = [c.expected_gain && `gain ${c.expected_gain}`, c.cost && `cost ${c.cost}`, c.risk && `risk ${c.risk}`, r.rank && `rank ${r.rank}`];
      const known = facts.filter(Boolean).join(', ');
      out.push(`- ${label(c)}${known ? `: ${known}` : ''}`);
    }
  return out.join('\n') + '\n';
}
