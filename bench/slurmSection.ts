// The Slurm section of docs/performance.md sits between two markers. bench/slurm.ts writes it; the main bench
// (bench/run.ts), which rewrites the rest of the page, keeps it as it was. A page with one marker but not the other
// (a hand edit gone wrong) is an error, never a reason to drop the section.
export const SLURM_BEGIN = '<!-- bench/slurm.ts: begin -->';
export const SLURM_END = '<!-- bench/slurm.ts: end -->';

/** The marked section of a page (markers included), or '' when it has neither marker. */
export function slurmSection(doc: string): string {
  const a = doc.indexOf(SLURM_BEGIN);
  const b = doc.indexOf(SLURM_END);
  if (a < 0 && b < 0) return '';
  if (a < 0 || b < a) throw new Error(`docs/performance.md: the Slurm section's markers are broken (${SLURM_BEGIN} must come before ${SLURM_END}); restore them before rewriting the page`);
  return doc.slice(a, b + SLURM_END.length);
}

/** The page with its marked section replaced by `section` (appended when it had none). */
export function withSlurmSection(doc: string, section: string): string {
  if (!section) return doc;
  const old = slurmSection(doc);
  return old ? doc.replace(old, section) : `${doc.trimEnd()}\n\n${section}\n`;
}
