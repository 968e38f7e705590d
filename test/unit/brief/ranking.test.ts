import { test } from 'node:test';
import assert from 'node:assert/strict';
import { betterRankedThan, levelValue, rankCandidates } from '../../../src/core/process/ranking';
import type { Candidate } from '../../../src/core/model';

const c = (id: string, expected_gain?: string, cost?: string, risk?: string): Candidate =>
  ({ id, expected_gain, cost, risk }) as Candidate;

test('levels count 1, 2, 3; anything else is unknown', () => {
  assert.deepEqual(['low', 'medium', 'high', 'huge', undefined].map(levelValue), [1, 2, 3, undefined, undefined]);
});

test('ranked by gain per cost, then lower risk, then plan order; unscored last', () => {
  const ranked = rankCandidates([
    c('unscored', 'high'),
    c('ast', 'high', 'high', 'high'), // 1
    c('cnn', 'high', 'medium', 'low'), // 1.5
    c('svm', 'medium', 'low', 'medium'), // 2
    c('rf', 'low', 'low'), // 1, unknown risk
    c('gbm', 'medium', 'medium', 'low'), // 1, low risk
    c('knn', 'low', 'high', 'low'), // 0.33
  ]);
  assert.deepEqual(ranked.map((r) => [r.candidate.id, r.rank, r.score === undefined ? undefined : Number(r.score.toFixed(2))]), [
    ['svm', 1, 2],
    ['cnn', 2, 1.5],
    ['gbm', 3, 1],
    ['ast', 4, 1],
    ['rf', 5, 1],
    ['knn', 6, 0.33],
    ['unscored', undefined, undefined],
  ]);
});

test('exact ties share a rank', () => {
  const ranked = rankCandidates([c('a', 'high', 'high', 'low'), c('b', 'medium', 'medium', 'low'), c('d', 'low', 'medium')]);
  assert.deepEqual(ranked.map((r) => r.rank), [1, 1, 3]);
});

test('betterRankedThan lists strictly better candidates only', () => {
  const list = [c('ast', 'high', 'high'), c('cnn', 'high', 'medium'), c('twin', 'medium', 'medium'), c('x')];
  assert.deepEqual(betterRankedThan(list, 'ast').map((x) => x.id), ['cnn']);
  assert.deepEqual(betterRankedThan(list, 'twin').map((x) => x.id), ['cnn']);
  assert.deepEqual(betterRankedThan(list, 'cnn'), []);
  assert.deepEqual(betterRankedThan(list, 'x'), []);
  assert.deepEqual(betterRankedThan(list, 'missing'), []);
});
