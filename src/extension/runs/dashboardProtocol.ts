// The messages between the runs dashboard webview and the extension. Shared by both sides (types only, plus one
// guard the extension uses on what the webview sends: a webview message is untrusted input).
import type { DashboardData } from '../../core/runs/dashboardData';

export type { DashboardData };

/** extension → webview */
export type ToWebview = { type: 'data'; payload: DashboardData };

/** webview → extension */
export type FromWebview = { type: 'ready' } | { type: 'openRun'; id: string };

export function isFromWebview(value: unknown): value is FromWebview {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as { type?: unknown; id?: unknown };
  if (m.type === 'ready') return true;
  return m.type === 'openRun' && typeof m.id === 'string' && m.id.length > 0 && m.id.length < 200;
}
