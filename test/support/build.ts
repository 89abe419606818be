import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Vitest global setup: builds what `npm start` runs, so process-level tests exercise the real entry point. */
export default function setup(): void {
  execFileSync(join('node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
