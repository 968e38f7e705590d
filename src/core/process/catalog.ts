// The built-in process: the Design phase's double diamond (discover, define, develop, deliver) and Deployment.
// Each step has a stable id, a title, a one-paragraph "why", the roles involved and, where the workspace can show
// it, a description of the evidence the extension looks for. The evidence itself is computed in state/evidence.ts.
import type { PhaseId } from '../model';

export type Role = 'project-lead' | 'ml-engineer' | 'business-owner' | 'data-engineer' | 'domain-expert';

export interface StepDefinition {
  id: string;
  phase: PhaseId;
  title: string;
  why: string;
  roles: Role[];
  /** what in the workspace shows the step is done; undefined for manual steps */
  evidence?: string;
  /** the pitfalls (1-5) this step is the cure for: their warnings are shown on it */
  guards?: number[];
}

export interface PhaseDefinition {
  id: PhaseId;
  title: string;
  /** `design` for the double diamond, `deployment` for the last phase */
  stage: 'design' | 'deployment';
  summary: string;
}

export const PHASE_DEFINITIONS: readonly PhaseDefinition[] = [
  { id: 'discover', title: 'Discover', stage: 'design', summary: 'Understand the business problem and the data; write the project brief.' },
  { id: 'define', title: 'Define', stage: 'design', summary: 'Prepare the data and fit a baseline through a tested end-to-end evaluation pipeline.' },
  { id: 'develop', title: 'Develop', stage: 'design', summary: 'Review the literature, brainstorm candidates with their cost and benefit, decide in a meeting.' },
  { id: 'deliver', title: 'Deliver', stage: 'design', summary: 'Prototype the chosen model, tune it by hand, evaluate it, check it against reality.' },
  { id: 'deployment', title: 'Deployment', stage: 'deployment', summary: 'Clean up, build the training pipeline, monitor, serve.' },
];

export const STEP_DEFINITIONS: readonly StepDefinition[] = [
  {
    id: 'business-understanding', phase: 'discover', title: 'Business understanding',
    why: 'A model is only as useful as the problem it solves. Agree on the problem, the business metric it should move and the success criteria before any modelling, so that every later choice can be judged against them.',
    roles: ['business-owner', 'project-lead'],
    evidence: '`goal.problem` and `goal.success_criteria` are set',
  },
  {
    id: 'data-understanding', phase: 'discover', title: 'Data understanding',
    why: 'What data exists, how good it is and how it is biased decides what can be built. Finding a label problem in week eight costs far more than a day of exploration in week one.',
    roles: ['ml-engineer', 'data-engineer'],
    evidence: 'a `data` block is present and the brief\'s Data section is filled',
  },
  {
    id: 'project-brief', phase: 'discover', title: 'Project brief',
    why: 'A short written brief, reviewed by technical and non-technical people, makes the problem, the data and the success criteria explicit and shared. It is the reference every later decision points back to.',
    roles: ['project-lead', 'business-owner', 'ml-engineer'],
    evidence: 'the brief file exists and every required section has content',
  },
  {
    id: 'data-preparation', phase: 'define', title: 'Data preparation',
    why: 'Fix the datasets and their splits once, so that every candidate is measured on the same data. Moving splits silently invalidates every comparison made so far.',
    roles: ['ml-engineer', 'data-engineer'],
    evidence: '`evaluation.dataset` exists on disk',
  },
  {
    id: 'baseline', phase: 'define', title: 'Baseline through the evaluation pipeline',
    why: 'A simple (even poor) baseline, fitted and scored through the full automated evaluation pipeline, tests the pipeline end to end and gives every candidate a number to beat.',
    roles: ['ml-engineer'],
    evidence: 'a recorded evaluation run of a `baseline: true` candidate',
    guards: [5],
  },
  {
    id: 'literature-review', phase: 'develop', title: 'Literature review',
    why: 'Someone has probably solved a similar problem. Reading related work and prior projects before building avoids reinventing the wheel and seeds the brainstorm with proven ideas.',
    roles: ['ml-engineer'],
    evidence: 'at least one `literature` entry with a takeaway',
    guards: [2],
  },
  {
    id: 'brainstorming', phase: 'develop', title: 'Brainstorm candidates',
    why: 'Committing early to one (often trendy) architecture is the most expensive mistake. List several candidates, each with its expected gain and cost, so they can be ranked up front instead of tried one by one.',
    roles: ['ml-engineer', 'project-lead'],
    evidence: 'two or more non-baseline `candidates` with expected gain and cost',
    guards: [1, 3],
  },
  {
    id: 'model-decision', phase: 'develop', title: 'Model decision meeting',
    why: 'A meeting led by the project lead weighs the ranked candidates against the brief and decides, with a written rationale and a plan B. It turns a hunch into a shared, reviewable decision.',
    roles: ['project-lead', 'ml-engineer', 'business-owner'],
    evidence: '`decision.chosen` names a candidate, with a rationale',
  },
  {
    id: 'prototyping', phase: 'deliver', title: 'Prototype the chosen model',
    why: 'Implement the chosen model quickly, cutting corners where it does not affect the result, to learn early whether it works at all.',
    roles: ['ml-engineer'],
    evidence: 'a recorded evaluation run of the chosen candidate',
  },
  {
    id: 'tuning', phase: 'deliver', title: 'Hand tuning',
    why: 'Tune the few hyperparameters that matter (learning rate, regularisation, capacity) by hand first, to understand the model; run a grid search only at the end, when the ranges are known.',
    roles: ['ml-engineer'],
    evidence: 'runs of the chosen candidate with differing parameters',
  },
  {
    id: 'evaluation', phase: 'deliver', title: 'Evaluation against baseline and targets',
    why: 'Compare the chosen model with the baseline and the success criteria on the fixed evaluation set, through the same automated pipeline, so the result is reproducible and comparable.',
    roles: ['ml-engineer', 'business-owner'],
    evidence: 'the latest run of the chosen candidate compared with the targets',
  },
  {
    id: 'reality-check', phase: 'deliver', title: 'Reality check',
    why: 'An offline metric is a proxy. An A/B test, a demo, a focus group or a pilot checks that improving it really moves the business metric, before the model is shipped.',
    roles: ['business-owner', 'project-lead'],
    evidence: 'a `reality_checks` entry with an outcome',
    guards: [4],
  },
  {
    id: 'clean-up', phase: 'deployment', title: 'Clean up the code',
    why: 'Prototype code cut corners on purpose; clean it up, with tests, before others depend on it.',
    roles: ['ml-engineer'],
  },
  {
    id: 'training-pipeline', phase: 'deployment', title: 'Training pipeline',
    why: 'A reproducible training pipeline lets the model be retrained on new data by someone else, months later.',
    roles: ['ml-engineer', 'data-engineer'],
  },
  {
    id: 'monitoring', phase: 'deployment', title: 'Monitoring',
    why: 'Data and predictions drift in production; monitoring them tells you when the model no longer meets its success criteria.',
    roles: ['ml-engineer', 'data-engineer'],
  },
  {
    id: 'serving', phase: 'deployment', title: 'Serving layer',
    why: 'The model creates value only once it is served where the product can use it, e.g. behind a REST API with known latency and cost.',
    roles: ['ml-engineer'],
  },
];

const STEPS_BY_ID = new Map(STEP_DEFINITIONS.map((s) => [s.id, s]));

export function findStep(id: string): StepDefinition | undefined {
  return STEPS_BY_ID.get(id);
}

export function stepsOfPhase(phase: PhaseId): StepDefinition[] {
  return STEP_DEFINITIONS.filter((s) => s.phase === phase);
}

export function phaseDefinition(phase: PhaseId): PhaseDefinition {
  const def = PHASE_DEFINITIONS.find((p) => p.id === phase);
  if (!def) throw new Error(`unknown phase ${phase}`);
  return def;
}
