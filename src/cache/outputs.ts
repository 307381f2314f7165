/**
 * What the build's integrations put into the output without writing it anew (hard links to cache
 * entries keep their old modification times), so that sweeping the output (src/cache/guard.ts)
 * keeps them. Integrations run in separate module graphs of one process: one `globalThis` slot.
 */
const SLOT = Symbol.for('dateline.outputs');
type Slot = { [SLOT]?: { files: Set<string>; folders: Set<string> } };

function claims(): { files: Set<string>; folders: Set<string> } {
  return ((globalThis as Slot)[SLOT] ??= { files: new Set(), folders: new Set() });
}

/** Claims output paths (relative to the output folder, with `/`): files, or folders kept whole. */
export function claimOutput(paths: { files?: Iterable<string>; folders?: Iterable<string> }): void {
  const c = claims();
  for (const f of paths.files ?? []) c.files.add(f);
  for (const f of paths.folders ?? []) c.folders.add(f);
}

/** Everything claimed in this process. */
export function claimedOutput(): { files: ReadonlySet<string>; folders: ReadonlySet<string> } {
  return claims();
}
