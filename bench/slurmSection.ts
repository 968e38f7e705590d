// The Slurm section of docs/performance.md sits between two markers. bench/slurm.ts writes it; the main bench
// (bench/run.ts), which rewrites the rest of the page, keeps it as it was.
export const SLURM_BEGIN = '<!-- bench/slurm.ts: begin -->';
export const SLURM_END = '<!-- bench/slurm.ts: end -->';

/** The marked section of a page (markers included), or '' when it has none. */
export function slurmSection(doc: string): string {
  const a = doc.indexOf(SLURM_BEGIN);
  const b = doc.indexOf(SLURM_END);
  return a >= 0 && b > a ? doc.slice(a, b + SLURM_END.length) : '';
}

/** The page with its marked section replaced by `section` (appended when it had none). */
export function withSlurmSection(doc: string, section: string): string {
  const old = slurmSection(doc);
  if (!section) return doc;
  return old ? doc.replace(old, section) : `${doc.trimEnd()}\n\n${section}\n`;
}
