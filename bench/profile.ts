import { readFileSync } from 'node:fs';
import { fmt, table } from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function lives, coarsely: an npm package, a file of ours, Node's internals, or V8's pseudo-frames. */
function area(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] as string;
  if (url.startsWith('node:')) return 'node:' + (url.slice(5).split('/')[1] ?? url.slice(5)).replace(/\.js$/, '');
  const ours = /\/dist\/(.*)$/.exec(url);
  return ours ? (ours[1] as string) : url;
}

/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): the functions with the most self time, and self time
 * grouped by package or file. Idle time is reported apart, so percentages are of the time the process was busy.
 */
export function summariseProfile(path: string, top = 25): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let idleUs = 0;
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = (byId.get(id) as ProfileNode).callFrame;
    if (functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const where = area(url, functionName);
    const key = `${functionName || '(anonymous)'}  ${url ? `${where}:${lineNumber + 1}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byArea.set(where, (byArea.get(where) ?? 0) + us);
  }
  // Inclusive time: a sample counts once for every distinct function (or package) on its stack, so recursion and
  // repeated frames are not double-counted. Async functions appear once per continuation, not per call.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusiveFn = new Map<string, number>();
  const inclusiveArea = new Map<string, number>();
  for (const [id, us] of selfUs) {
    if ((byId.get(id) as ProfileNode).callFrame.functionName === '(idle)') continue;
    const fns = new Set<string>();
    const areas = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = (byId.get(at) as ProfileNode).callFrame;
      if (!url) continue;
      const where = area(url, functionName);
      areas.add(where);
      if (where.startsWith('src/') || where.startsWith('migrations/')) fns.add(`${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`);
    }
    for (const k of fns) inclusiveFn.set(k, (inclusiveFn.get(k) ?? 0) + us);
    for (const k of areas) inclusiveArea.set(k, (inclusiveArea.get(k) ?? 0) + us);
  }
  const rank = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => [k, `${fmt(us / 1000, 0)} ms`, `${fmt((100 * us) / busyUs)}%`]);
  return [
    `busy ${fmt(busyUs / 1e6, 2)} s, idle ${fmt(idleUs / 1e6, 2)} s`,
    '',
    'self time by package / file:',
    table([['', 'self', 'of busy'], ...rank(byArea, 15)]),
    '',
    'inclusive time by package / file (stack contains it):',
    table([['', 'total', 'of busy'], ...rank(inclusiveArea, 15)]),
    '',
    'inclusive time of our functions (src/, per synchronous slice):',
    table([['', 'total', 'of busy'], ...rank(inclusiveFn, 15)]),
    '',
    `top ${top} functions by self time:`,
    table([['', 'self', 'of busy'], ...rank(byFunction, top)]),
  ].join('\n');
}
