// "Configure Evaluation…": writes the `evaluation:` block of the plan from a few questions, each with guidance and the
// current value as its default: the dataset, the command template (with ${candidate} and ${metricsFile}), the
// timeout and the repeats of a sweep. Only the keys it asks about change, each with the core's minimal edit, in one
// undoable WorkspaceEdit; every other key stays as written. Then it offers a starter Python evaluation script
// (templates/eval_starter.py) when the command runs a .py file that does not exist yet; it never overwrites a file.
import * as path from 'path';
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import type { Evaluation, ProjectPlan } from '../../core/model';
import { setEvaluation, timeoutValue, type EvaluationValues } from '../../core/edit/evaluationEdits';
import { EditError } from '../../core/edit/setValue';
import { scriptsInCommand } from '../../core/state/evaluationScripts';
import { WorkspacePathError } from '../../core/workspace/realPaths';
import { writeNewFile } from '../../core/workspace/newFile';
import type { ProjectRegistry, ProjectSnapshot } from '../project/projectRegistry';
import { freshSnapshot, pickProject } from '../project/pickProject';
import { commandArgFields, folderArgOf } from '../project/commandArgs';
import { BriefCommandError, exists, insideFolder } from '../brief/briefSupport';
import { editPlan } from '../common/workspaceEdits';

const TITLE = 'ML Project: Configure Evaluation';
const DEFAULT_TIMEOUT = '30m';

/** Arguments that skip the prompts (tests): each one given is not asked; `starter` answers the starter-script offer. */
export interface EvaluationArgs {
  folder?: unknown;
  dataset?: string;
  command?: string;
  timeout?: string | number;
  repeats?: number;
  starter?: boolean;
}

export interface EvaluationResult {
  planEdited: boolean;
  /** the starter script written, workspace-relative */
  starter?: string;
}

function argsOf(arg: unknown): EvaluationArgs {
  const a = commandArgFields(arg);
  return {
    folder: folderArgOf(a),
    ...(typeof a.dataset === 'string' ? { dataset: a.dataset } : {}),
    ...(typeof a.command === 'string' ? { command: a.command } : {}),
    ...(typeof a.timeout === 'string' || typeof a.timeout === 'number' ? { timeout: a.timeout } : {}),
    ...(typeof a.repeats === 'number' ? { repeats: a.repeats } : {}),
    ...(typeof a.starter === 'boolean' ? { starter: a.starter } : {}),
  };
}

/** The dataset to offer first: the current one, else a data source that looks like the test set, else the first. */
function suggestedDataset(plan: ProjectPlan): string {
  if (plan.evaluation?.dataset) return plan.evaluation.dataset;
  const sources = (plan.data?.sources ?? []).filter((s) => typeof s?.path === 'string');
  const test = sources.find((s) => /test|held.?out|eval/i.test(`${s.name} ${s.path} ${s.description ?? ''}`));
  return (test ?? sources[0])?.path ?? '';
}

const shellWord = (s: string) => (/^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

function suggestedCommand(current: Evaluation, dataset: string): string {
  return current.command ?? `python3 eval.py --candidate \${candidate}${dataset ? ` --data ${shellWord(dataset)}` : ''} --out \${metricsFile}`;
}

const warning = (message: string): vscode.InputBoxValidationMessage => ({ message, severity: vscode.InputBoxValidationSeverity.Warning });

function commandCheck(current: Evaluation) {
  return (v: string): string | vscode.InputBoxValidationMessage | undefined => {
    if (!v.trim()) return 'The evaluation needs a command.';
    if (!v.includes('${candidate}')) return warning('No ${candidate}: every candidate would run the same thing (it may read MLPROJECT_CANDIDATE instead).');
    if (!v.includes('${metricsFile}') && !current.metrics_file) return warning('No ${metricsFile}: the command must write the metrics to MLPROJECT_METRICS_FILE.');
    return undefined;
  };
}

const datasetCheck = (v: string) => (!v.trim() ? undefined : path.isAbsolute(v.trim()) || v.trim().split(/[\\/]/).includes('..') ? 'A path inside the project folder, relative to it.' : undefined);

const ask = (step: string, prompt: string, value: string, validateInput?: vscode.InputBoxOptions['validateInput'], placeHolder?: string) =>
  vscode.window.showInputBox({ title: `${TITLE} (${step})`, prompt, value, validateInput, placeHolder, ignoreFocusOut: true });

/** The answers, as the values to write (only what differs from the plan); undefined when cancelled. */
async function answers(plan: ProjectPlan, args: EvaluationArgs): Promise<EvaluationValues | undefined> {
  const current = plan.evaluation ?? {};
  const dataset = args.dataset ?? await ask('1/4',
    'The evaluation dataset, relative to the project folder: the held-out data every candidate is scored on (never used for tuning). Empty: set it later.',
    suggestedDataset(plan), datasetCheck, 'e.g. data/test.csv');
  if (dataset === undefined) return undefined;
  const command = args.command ?? await ask('2/4',
    'The shell command run in the project folder once per candidate. ${candidate} becomes the candidate id; the command writes a JSON object of metric name -> number to ${metricsFile}. Also: ${seed}, ${runDir}, ${env:NAME}.',
    suggestedCommand(current, dataset.trim()), commandCheck(current));
  if (command === undefined || !command.trim()) return undefined;
  const timeoutText = args.timeout !== undefined ? String(args.timeout) : await ask('3/4',
    'The longest a run may take before it is stopped: 90s, 30m, 2h, or a number of seconds.',
    String(current.timeout ?? DEFAULT_TIMEOUT), (v) => (timeoutValue(v) === undefined ? 'A number of seconds, or e.g. 90s, 30m, 2h.' : undefined));
  if (timeoutText === undefined) return undefined;
  const repeatsText = args.repeats !== undefined ? String(args.repeats) : await ask('4/4',
    'Runs per candidate in a sweep (`mlproject eval --all`), with seeds 0, 1, … in ${seed} and MLPROJECT_SEED. 1: one run each.',
    String(current.repeats ?? 1), (v) => (/^[1-9][0-9]*$/.test(v.trim()) ? undefined : 'A whole number, 1 or more.'));
  if (repeatsText === undefined) return undefined;
  const repeats = Number(repeatsText.trim());
  return {
    command: command.trim(),
    // An emptied answer leaves the key as it is: nothing the author wrote is removed.
    ...(dataset.trim() ? { dataset: dataset.trim() } : {}),
    timeout: timeoutValue(timeoutText) ?? current.timeout,
    ...(current.repeats !== undefined || repeats !== 1 ? { repeats } : {}),
  };
}

/** The .py file the command runs when it does not exist yet (workspace-relative), else undefined. */
async function missingScript(project: ProjectSnapshot, command: string): Promise<string | undefined> {
  const script = scriptsInCommand(command).find((s) => s.endsWith('.py'));
  if (!script) return undefined;
  const abs = insideFolder(project.folder, script, 'the evaluation script');
  return (await exists(abs, project.folder.uri.fsPath)) ? undefined : script;
}

async function writeStarter(extensionUri: vscode.Uri, project: ProjectSnapshot, script: string): Promise<boolean> {
  const template = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'templates', 'eval_starter.py'));
  const abs = insideFolder(project.folder, script, 'the evaluation script');
  return writeNewFile(abs, new TextDecoder().decode(template), project.folder.uri.fsPath);
}

async function configure(registry: ProjectRegistry, extensionUri: vscode.Uri, arg: unknown): Promise<EvaluationResult | undefined> {
  const args = argsOf(arg);
  const picked = await pickProject(registry, args.folder, 'to configure the evaluation of');
  if (!picked) return undefined;
  try {
    const project = await freshSnapshot(registry, picked); // the current values, not those of the last debounced check
    const values = await answers(project.result.parsed.plan, args);
    if (!values) return undefined;
    const planEdited = await editPlan(project.planUri, (t) => setEvaluation(t, values));
    let starter: string | undefined;
    const script = await missingScript(project, values.command!);
    if (script) {
      const create = 'Create Starter Script';
      const yes = args.starter ?? (await vscode.window.showInformationMessage(
        `ML Project: ${script} does not exist yet. Create a starter evaluation script? It reads --candidate, --data and --out (or MLPROJECT_* variables) and writes example metrics of the dataset, clearly marked, so the pipeline runs today.`,
        create, 'Not Now')) === create;
      if (yes && (await writeStarter(extensionUri, project, script))) {
        starter = script;
        await vscode.window.showTextDocument(vscode.Uri.joinPath(project.folder.uri, ...script.split('/')), { preview: false });
      }
    }
    await registry.refresh(project.planUri);
    return { planEdited, ...(starter ? { starter } : {}) };
  } catch (e) {
    if (e instanceof EditError || e instanceof BriefCommandError || e instanceof WorkspacePathError) {
      void vscode.window.showErrorMessage(`ML Project: the evaluation was not configured: ${e.message}`);
      return undefined;
    }
    throw e;
  }
}

export function registerConfigureEvaluation(registry: ProjectRegistry, extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.configureEvaluation, (arg?: unknown) => configure(registry, extensionUri, arg));
}
