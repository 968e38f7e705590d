// "Did you mean ...?": the closest candidate by edit distance, when it is close enough to be a likely typo.

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest of `options` to `word` (case-insensitive), if within a third of its length (at least 2 edits). */
export function closest(word: string, options: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const option of options) {
    const d = editDistance(w, option.toLowerCase());
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestDistance <= limit && best !== word ? best : undefined;
}

/** " Did you mean "x"?" or the empty string. */
export function didYouMean(word: string, options: Iterable<string>): string {
  const c = closest(word, options);
  return c ? ` Did you mean "${c}"?` : '';
}
