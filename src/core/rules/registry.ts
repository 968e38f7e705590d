// Every rule the engine runs, in the order their diagnostics are most useful to read.
import type { Rule } from './rule';
import { singleArchitecture } from './pitfalls/singleArchitecture';
import { noLiteratureReview } from './pitfalls/noLiteratureReview';
import { tooIncremental } from './pitfalls/tooIncremental';
import { metricMisalignment } from './pitfalls/metricMisalignment';
import { manualEvaluation } from './pitfalls/manualEvaluation';
import { noBrief, noProjectLead, noSuccessCriteria } from './process/projectSetup';
import { noBaseline, tuningBeforeBaseline } from './process/baselineRules';
import { phaseOrder } from './process/phaseOrder';
import { runway } from './process/runway';
import { missingEvidence, skippedWithoutReason, stepReady } from './process/stepRules';
import { unknownStep } from './file/unknownStep';
import { duplicateId } from './file/duplicateIds';
import { unknownReference } from './file/references';
import { missingFile, pathOutsideWorkspace } from './file/paths';
import { historyCorrupt } from './file/historyCorrupt';

export const RULES: readonly Rule[] = [
  singleArchitecture, noLiteratureReview, tooIncremental, metricMisalignment, manualEvaluation,
  noProjectLead, noBrief, noSuccessCriteria, noBaseline, phaseOrder, tuningBeforeBaseline, runway,
  skippedWithoutReason, missingEvidence, stepReady,
  unknownStep, duplicateId, unknownReference, pathOutsideWorkspace, missingFile, historyCorrupt,
];
