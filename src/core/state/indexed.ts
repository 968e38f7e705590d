// Items of a plan list with their index in the file, as the facts, the evidence and the rules walk them.

/** Items of an array with their source index, skipping pruned (non-object) ones. */
export function indexed<T>(items: readonly T[] | undefined): [T, number][] {
  return (items ?? []).map((item, i) => [item, i] as [T, number]).filter(([item]) => !!item && typeof item === 'object');
}
