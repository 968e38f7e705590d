// Shared fixtures for the brief tests: plans are built from YAML text, as users write them.
import { readFileSync } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import type { ProjectPlan } from '../../../src/core/model';

export const TEMPLATE = readFileSync(path.join(__dirname, '../../../templates/brief.md'), 'utf8');

export function planFrom(yamlText: string): ProjectPlan {
  return (parse(yamlText) ?? {}) as ProjectPlan;
}

export const FULL_YAML = `version: 1
project:
  name: Genre tagger
  lead: Dana                 # the project lead
  team:
    - { name: Dana, role: ml-engineer }
    - { name: Lee, role: business-owner }
  runway: 2027-03-31
goal:
  problem: Tag each uploaded song with its genre so listeners can browse by genre.
  business_metric: share of sessions that use genre browsing
  success_criteria:
    - { metric: macro_f1, target: 0.80, direction: maximize, why: "focus group | found tags useful above 0.8" }
data:
  description: 40k songs with editor-assigned genres.
  sources:
    - { name: catalogue, path: data/catalogue.csv, description: editor tags }
  known_issues:
    - labels skew towards rock
evaluation:
  dataset: data/test.csv
literature:
  - { title: Musical genre classification of audio signals, url: "https://example.org/gtzan", takeaway: MFCC+GMM reaches 61% }
candidates:
  - { id: logreg, name: Logistic regression on MFCC means, baseline: true }
  - { id: cnn, name: CNN on mel-spectrograms, expected_gain: high, cost: medium, risk: low }
  - { id: ast, name: Audio spectrogram transformer, expected_gain: high, cost: high, risk: high, source: Musical genre classification of audio signals }
reality_checks:
  - { kind: demo, date: 2027-01-10, plan: show tags to editors }
`;
