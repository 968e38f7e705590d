// The dashboard's colours and font, read from the theme's CSS variables (VS Code sets them on the webview's root
// element and a vscode-light / vscode-dark / vscode-high-contrast class on body). Canvas charts cannot use CSS
// variables, so the values are read with getComputedStyle, and read again when the theme changes.

export interface Theme {
  /** one colour per candidate, by `ChartSeries.colour` modulo its length (same order as the .s0–.s7 swatches) */
  palette: string[];
  foreground: string;
  muted: string;
  grid: string;
  target: string;
  baseline: string;
  /** CSS font shorthand for axis ticks and labels */
  font: string;
}

function cssVar(style: CSSStyleDeclaration, names: string[], fallback: string): string {
  for (const n of names) {
    const v = style.getPropertyValue(n).trim();
    if (v) return v;
  }
  return fallback;
}

export function readTheme(): Theme {
  const s = getComputedStyle(document.body);
  const dark = !document.body.classList.contains('vscode-light');
  const blue = cssVar(s, ['--vscode-charts-blue'], '#3794ff');
  const purple = cssVar(s, ['--vscode-charts-purple'], '#b180d7');
  const red = cssVar(s, ['--vscode-charts-red'], '#f14c4c');
  const foreground = cssVar(s, ['--vscode-charts-foreground', '--vscode-foreground'], dark ? '#cccccc' : '#616161');
  const family = cssVar(s, ['--vscode-font-family'], 'system-ui, sans-serif');
  return {
    palette: [
      blue,
      cssVar(s, ['--vscode-charts-orange'], '#d18616'),
      cssVar(s, ['--vscode-charts-green'], '#89d185'),
      purple,
      cssVar(s, ['--vscode-charts-yellow'], '#cca700'),
      red,
      cssVar(s, ['--vscode-terminal-ansiCyan'], blue),
      cssVar(s, ['--vscode-terminal-ansiMagenta'], purple),
    ],
    foreground,
    muted: cssVar(s, ['--vscode-descriptionForeground'], foreground),
    grid: cssVar(s, ['--vscode-editorWidget-border', '--vscode-panel-border', '--vscode-charts-lines'], dark ? '#454545' : '#c8c8c8'),
    target: red,
    baseline: foreground,
    font: `11px ${family}`,
  };
}

/**
 * Calls `onChange` (at most once a frame) when the theme changes: the body's theme class or the root element's
 * variables. Returns a function that stops observing.
 */
export function onThemeChange(onChange: (theme: Theme) => void): () => void {
  let key = JSON.stringify(readTheme());
  let frame = 0;
  const check = (): void => {
    frame = 0;
    const theme = readTheme();
    const next = JSON.stringify(theme);
    if (next === key) return;
    key = next;
    onChange(theme);
  };
  const observer = new MutationObserver(() => {
    if (!frame) frame = requestAnimationFrame(check);
  });
  observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style', 'class'] });
  return () => observer.disconnect();
}
