// "Record Model Decision": the candidates ranked by expected gain per cost (with gain, cost, risk and the latest
// metrics where runs exist), the rationale (required), the attendees (the team, the lead preselected). Writes the
// Markdown record at docs/decisions/<date>-model.md (never over an earlier one) and the `decision` block of the
// plan with a minimal edit, then opens the record.
import * as vscode from 'vscode';
import type { Candidate, ProjectPlan } from '../../core/model';
import { latestRunByCandidate, formatMetric } from '../../core/brief/runs';
import { PlanEditError, setDecision } from '../../core/brief/planEdits';
import { DECISIONS_DIR, decisionRecordPath, defaultAttendees, isIsoDate, renderDecisionRecord } from '../../core/decision/record';
import { WorkspacePathError } from '../../core/workspace/realPaths';
import { readWorkspaceFolder } from '../../core/workspace/safeRead';
import { betterRankedThan, rankCandidates } from '../../core/process/ranking';
import type { ProjectRegistry } from '../project/projectRegistry';
import { freshSnapshot, pickProject } from '../project/pickProject';
import { commandArgFields, folderArgOf, runsOf } from '../project/commandArgs';
import { localToday } from '../../core/text/dates';
import { writeNewFile } from '../../core/workspace/newFile';
import { BriefCommandError, insideFolder } from './briefSupport';
import { editPlan } from '../common/workspaceEdits';
import { confirmWithoutBaseline, isWithoutBaseline, type WithoutBaseline } from './baselineWarning';
import { baselineFirst } from '../../core/process/pickOrder';
import { hasSuccessfulRunIn } from '../../core/runs/compare';
import type { RunRecord } from '../../core/runs/runRecord';

export interface DecisionArgs {
  folder?: unknown;
  chosen?: string;
  rationale?: string;
  attendees?: string[];
  date?: string;
  open?: boolean;
  /** answers the warning shown when no baseline has a run (tests) */
  withoutBaseline?: WithoutBaseline;
}

export interface DecisionResult {
  chosen: string;
  record: string;
  planEdited: boolean;
}

function decisionArgsOf(arg: unknown): DecisionArgs {
  const a = commandArgFields(arg);
  return {
    ...(folderArgOf(a) !== undefined ? { folder: folderArgOf(a) } : {}),
    ...(typeof a.chosen === 'string' ? { chosen: a.chosen } : {}),
    ...(typeof a.rationale === 'string' ? { rationale: a.rationale } : {}),
    ...(Array.isArray(a.attendees) ? { attendees: a.attendees.filter((x): x is string => typeof x === 'string') } : {}),
    ...(typeof a.date === 'string' ? { date: a.date } : {}),
    ...(a.open === false ? { open: false } : {}),
    ...(isWithoutBaseline(a.withoutBaseline) ? { withoutBaseline: a.withoutBaseline } : {}),
  };
}

interface CandidateItem extends vscode.QuickPickItem {
  id: string;
}

/** Quick-pick items: non-baseline candidates by rank (gain per cost), then the baselines (first while they have no run). */
export function decisionItems(plan: ProjectPlan, runs: readonly RunRecord[]): CandidateItem[] {
  const all = (plan.candidates ?? []).filter((c): c is Candidate & { id: string } => typeof c?.id === 'string' && c.id !== '');
  const ranked = rankCandidates(all.filter((c) => c.baseline !== true));
  const latest = latestRunByCandidate(runs);
  const criteria = (plan.goal?.success_criteria ?? []).map((c) => c?.metric).filter((m): m is string => typeof m === 'string');
  const metricsOf = (id: string): string => {
    const run = latest.get(id);
    if (!run) return 'no runs yet';
    const names = [...new Set([...criteria, ...Object.keys(run.metrics)])].slice(0, 3);
    return `latest: ${names.map((m) => `${m} ${formatMetric(run.metrics[m])}`).join(', ')}`;
  };
  const chosen = plan.decision?.chosen;
  const item = (c: Candidate & { id: string }, rank: string): CandidateItem => ({
    id: c.id,
    label: c.id,
    description: [rank, c.id === chosen ? '(currently chosen)' : undefined, c.name].filter(Boolean).join(' '),
    detail: [
      `gain ${c.expected_gain ?? '?'} / cost ${c.cost ?? '?'}`,
      `risk ${c.risk ?? '?'}`,
      metricsOf(c.id),
    ].join(' · '),
  });
  const entries = [
    ...ranked.map((r) => ({ c: r.candidate as Candidate & { id: string }, rank: r.rank !== undefined ? `#${r.rank}` : '(unranked: no gain or cost)' })),
    ...all.filter((c) => c.baseline === true).map((c) => ({ c, rank: '(baseline)' })),
  ];
  return baselineFirst(entries.map((e) => ({ ...e, id: e.c.id, baseline: e.c.baseline })), hasSuccessfulRunIn(runs)).map((e) => item(e.c, e.rank));
}

async function existingRecords(folder: vscode.WorkspaceFolder): Promise<Set<string>> {
  // The core's reader: a decisions folder that is a link leading outside, or not a folder, is refused.
  const names = (await readWorkspaceFolder(folder.uri.fsPath, DECISIONS_DIR)) ?? [];
  return new Set(names.map((name) => `${DECISIONS_DIR}/${name}`));
}

export async function recordDecision(registry: ProjectRegistry, arg?: unknown): Promise<DecisionResult | undefined> {
  const args = decisionArgsOf(arg);
  const picked = await pickProject(registry, args.folder, 'to record the decision for');
  if (!picked) return undefined;
  try {
    const project = await freshSnapshot(registry, picked);
    const plan = project.result.parsed.plan;
    const runs = runsOf(project);
    const items = decisionItems(plan, runs);
    if (items.length === 0) throw new BriefCommandError('the plan has no candidates; add the candidate architectures under `candidates:` first');
    if (!(await confirmWithoutBaseline(plan, runs, project.folder.uri, args.withoutBaseline))) return undefined;

    let chosen = args.chosen;
    if (chosen === undefined) {
      const item = await vscode.window.showQuickPick(items, {
        title: 'ML Project: Record Model Decision (1/3): which candidate was chosen?',
        placeHolder: 'Ranked by expected gain per cost',
        ignoreFocusOut: true,
        matchOnDescription: true,
        matchOnDetail: true,
      });
      if (!item) return undefined;
      chosen = item.id;
    }
    if (!items.some((i) => i.id === chosen)) throw new BriefCommandError(`"${chosen}" is not a candidate id (candidates: ${items.map((i) => i.id).join(', ')})`);

    const better = betterRankedThan((plan.candidates ?? []).filter((c) => c?.baseline !== true), chosen);
    let rationale = args.rationale?.trim();
    if (!rationale) {
      if (args.rationale !== undefined) throw new BriefCommandError('a decision needs a rationale: say why this candidate over the alternatives');
      rationale = (await vscode.window.showInputBox({
        title: `ML Project: Record Model Decision (2/3): why ${chosen}?`,
        prompt: better.length > 0
          ? `${better.map((c) => c.id).join(', ')} rank${better.length === 1 ? 's' : ''} better by expected gain per cost: say why ${chosen} was chosen anyway.`
          : `Why ${chosen} over the alternatives? (required; it goes in the record and in decision.rationale)`,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : 'A decision needs a rationale'),
      }))?.trim();
      if (!rationale) return undefined;
    }

    let attendees = args.attendees?.map((a) => a.trim()).filter(Boolean);
    if (attendees === undefined) {
      const team = defaultAttendees(plan);
      const lead = plan.project?.lead?.trim();
      if (team.length > 0) {
        const roles = new Map((plan.project?.team ?? []).map((m) => [m?.name?.trim(), m?.role]));
        const picks = await vscode.window.showQuickPick(
          team.map((name) => ({ label: name, description: [name === lead ? 'project lead' : undefined, roles.get(name)].filter(Boolean).join(', '), picked: name === lead })),
          { title: 'ML Project: Record Model Decision (3/3): who attended?', canPickMany: true, ignoreFocusOut: true },
        );
        if (!picks) return undefined;
        attendees = picks.map((p) => p.label);
      } else attendees = [];
    }

    const date = args.date ?? localToday();
    if (!isIsoDate(date)) throw new BriefCommandError(`the decision date "${date}" is not a YYYY-MM-DD date`);
    const record = decisionRecordPath(date, await existingRecords(project.folder));
    const text = renderDecisionRecord(plan, { chosen, rationale, date, attendees, runs });
    const abs = insideFolder(project.folder, record, 'the decision record');
    if (!(await writeNewFile(abs, text, project.folder.uri.fsPath))) throw new BriefCommandError(`${record} appeared meanwhile; it was not overwritten. Try again.`);

    let planEdited = false;
    try {
      planEdited = await editPlan(project.planUri, (t) => setDecision(t, { chosen, date, rationale, attendees, record }));
    } catch (e) {
      if (!(e instanceof PlanEditError)) throw e;
      void vscode.window.showWarningMessage(`ML Project: wrote ${record}, but could not edit the decision block of .mlproject.yaml: ${e.message}`);
    }
    await registry.refresh(project.planUri);
    if (args.open !== false) await vscode.window.showTextDocument(vscode.Uri.file(abs), { preview: false });
    void vscode.window.showInformationMessage(
      `ML Project: recorded the decision for ${chosen} in ${record}${planEdited ? ' and in .mlproject.yaml' : ''}.${better.length > 0 ? ` Note: ${better.map((c) => c.id).join(', ')} rank${better.length === 1 ? 's' : ''} better by gain per cost; the rationale says why.` : ''}`,
    );
    return { chosen, record, planEdited };
  } catch (e) {
    if (e instanceof BriefCommandError || e instanceof PlanEditError || e instanceof WorkspacePathError) {
      void vscode.window.showErrorMessage(`ML Project: ${e.message}`);
      return undefined;
    }
    throw e;
  }
}
