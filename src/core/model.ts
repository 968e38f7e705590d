// The typed view of a `.mlproject.yaml` plan. It is the YAML data after schema validation, with every value that
// failed validation pruned (see schema/prune.ts), so rules can trust the types below. Every field is optional: a
// missing required field is reported by the schema, and rules treat absence as "not done yet".
// Ranges are not stored here: `ParsedPlan.source` (parse/sourceMap.ts) finds the range of any value by its path.

export const PHASES = ['discover', 'define', 'develop', 'deliver', 'deployment'] as const;
export type PhaseId = (typeof PHASES)[number];

export const STATUSES = ['todo', 'in-progress', 'done', 'skipped'] as const;
export type StepStatus = (typeof STATUSES)[number];

export type Level = 'low' | 'medium' | 'high';
export type Direction = 'maximize' | 'minimize';

export interface TeamMember {
  name?: string;
  role?: string;
}

export interface ProjectInfo {
  name?: string;
  lead?: string;
  /** workspace-relative path of the project brief (Markdown) */
  brief?: string;
  team?: TeamMember[];
  /** milestone date, YYYY-MM-DD */
  runway?: string;
  description?: string;
}

export interface SuccessCriterion {
  metric?: string;
  target?: number;
  direction?: Direction;
  why?: string;
}

export interface Goal {
  problem?: string;
  business_metric?: string;
  success_criteria?: SuccessCriterion[];
}

export interface DataSource {
  name?: string;
  path?: string;
  description?: string;
}

export interface DataInfo {
  description?: string;
  sources?: DataSource[];
  known_issues?: string[];
}

/** A step entry in `checklist.<phase>`: either a bare status or an object (custom steps need a title). */
export interface StepEntry {
  status?: StepStatus;
  title?: string;
  reason?: string;
  why?: string;
  /** workspace-relative path of a file that shows the step is done */
  evidence?: string;
}

export type Checklist = Partial<Record<PhaseId, Record<string, StepStatus | StepEntry>>>;

export interface LiteratureEntry {
  title?: string;
  url?: string;
  takeaway?: string;
}

export interface Candidate {
  id?: string;
  name?: string;
  baseline?: boolean;
  expected_gain?: Level;
  cost?: Level;
  risk?: Level;
  /** title of a literature entry the candidate comes from */
  source?: string;
  params?: Record<string, string | number | boolean>;
  notes?: string;
}

export interface Decision {
  chosen?: string;
  date?: string;
  rationale?: string;
  attendees?: string[];
  /** workspace-relative path of the decision record (Markdown) */
  record?: string;
}

export interface Evaluation {
  command?: string;
  metrics_file?: string;
  dataset?: string;
  /** e.g. `30m`, `90s`, `2h`, or a number of seconds */
  timeout?: string | number;
  /** workspace-relative path of the run history; default `.mlproject/runs.jsonl` */
  history?: string;
  /** runs per candidate in a sweep, seeds 0…repeats−1 (default 1) */
  repeats?: number;
  /** local runs at the same time (default 1) */
  parallel?: number;
  /** where runs execute; default `local` */
  executor?: 'local' | 'slurm';
  slurm?: SlurmOptions;
}

/** `evaluation.slurm`: the resources of each run's batch job; every value becomes one sbatch option. */
export interface SlurmOptions {
  partition?: string;
  /** sbatch `--time`: minutes, or `MM:SS`, `HH:MM:SS`, `D-HH`, ...; default from `evaluation.timeout` */
  time?: string | number;
  cpus?: number;
  mem?: string;
  gres?: string;
  account?: string;
  sbatch_args?: string[];
}

export type RealityCheckKind = 'ab-test' | 'demo' | 'focus-group' | 'pilot' | 'user-study';

export interface RealityCheck {
  kind?: RealityCheckKind;
  date?: string;
  /** what it is meant to show, for a planned check */
  plan?: string;
  /** the result, once it happened */
  outcome?: string;
}

export interface ProgressOptions {
  /** a step whose evidence is seen counts as done in the progress, unless its status is declared */
  count_evidence?: boolean;
}

export interface ProjectPlan {
  version?: number;
  project?: ProjectInfo;
  goal?: Goal;
  data?: DataInfo;
  checklist?: Checklist;
  literature?: LiteratureEntry[];
  candidates?: Candidate[];
  decision?: Decision;
  evaluation?: Evaluation;
  reality_checks?: RealityCheck[];
  progress?: ProgressOptions;
  /** rule code -> level, read by the extension and the CLI alike */
  rules?: Record<string, 'off' | 'error' | 'warning' | 'info' | 'hint'>;
}

/** The file name the extension and the CLI look for. */
export const PLAN_FILE_NAME = '.mlproject.yaml';
export const DEFAULT_HISTORY_PATH = '.mlproject/runs.jsonl';
export const DEFAULT_BRIEF_PATH = 'docs/brief.md';
