// What the dashboard's charts draw on their canvas beyond uPlot's series: the marker of a target that is off the
// value axis (core/runs/dashboardScale.ts decides when), drawn at the edge of the plot on the target's side.
import uPlot from 'uplot';
import type { Direction } from '../../src/core/model';
import type { TargetPlacement } from '../../src/core/runs/dashboardData';
import { fmt } from './dom';
import type { Theme } from './theme';

/** the words of a target: "target ≥ 0.8" */
export function targetText(target: number, direction: Direction | undefined): string {
  return `target ${direction === 'minimize' ? '≤' : '≥'} ${fmt(target)}`;
}

/** room (CSS px) above the plot for the words of an off-scale target: uPlot's `padding` top */
export const OFF_SCALE_ROOM = 18;

/**
 * An off-scale target: a triangle on the plot's edge on the target's side, pointing out of the plot, and the words
 * ("target ≤ 50 ↑ above the scale") in the room above the plot, right-aligned, clear of the data.
 */
export function drawOffScaleTarget(u: uPlot, target: number, direction: Direction | undefined, side: TargetPlacement, theme: Theme): void {
  if (side === 'in') return;
  const ctx = u.ctx;
  const r = uPlot.pxRatio;
  const { left, top, width, height } = u.bbox;
  const up = side === 'above';
  const edge = up ? top : top + height;
  const x = left + width - 8 * r;
  const tip = edge + (up ? -1 : 1) * r;
  const base = edge + (up ? 9 : -9) * r;
  ctx.save();
  ctx.fillStyle = theme.target;
  ctx.beginPath();
  ctx.moveTo(x, tip);
  ctx.lineTo(x - 6 * r, base);
  ctx.lineTo(x + 6 * r, base);
  ctx.closePath();
  ctx.fill();
  ctx.font = theme.font.replace(/^(\d+(?:\.\d+)?)px/, (_m, px: string) => `${Number(px) * r}px`);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText(`${targetText(target, direction)} ${up ? '↑ above' : '↓ below'} the scale`, left + width, top - 3 * r);
  ctx.restore();
}
