// Which files an evaluation command runs, and which workspace files look like evaluation scripts.

/** Workspace files whose names say they evaluate or score a model. */
export const EVALUATION_SCRIPT_PATTERN = /(^|\/)(eval|evaluate|evaluation|score|scoring|benchmark|metrics?)([._-][^/]*)?\.(py|sh|ipynb|js|mjs|ts|r|jl)$/i;

const SCRIPT_EXTENSION = /\.(py|sh|bash|ipynb|js|mjs|cjs|ts|r|jl|rb|pl)$/i;

/** Relative script paths named in a shell command (`python3 eval.py --x` -> ['eval.py']). */
export function scriptsInCommand(command: string): string[] {
  const out: string[] = [];
  for (const raw of command.split(/[\s;&|()<>]+/)) {
    const token = raw.replace(/^['"]|['"]$/g, '');
    if (!token || token.startsWith('-') || token.includes('$') || token.includes('=')) continue;
    if (token.startsWith('/') || token.startsWith('~') || /^[a-z]+:\/\//i.test(token)) continue;
    if (SCRIPT_EXTENSION.test(token)) out.push(token.replace(/^\.\//, ''));
  }
  return [...new Set(out)];
}
