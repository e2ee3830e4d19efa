/** coldStartMs: from spawning a fresh node process to backend + IdP + gate ready to serve the first case. */
import { spawn } from 'node:child_process';
import { HarnessError } from '../errors.js';
import { nowMs } from './stats.js';
import { moduleExtension, siblingModule } from '../module-path.js';

const CHILD = siblingModule(import.meta.url, './cold-start-child');
/** from the sources the child needs tsx; from dist/ (the CLI) it is plain JavaScript */
const CHILD_ARGS = moduleExtension(import.meta.url) === '.ts' ? ['--import', 'tsx', CHILD] : [CHILD];

export interface ColdStart {
  ms: number;
  /** the child's own view: node boot, module imports, startEnvironment */
  phases: Record<string, number>;
}

export function measureColdStart(timeoutMs = 120_000): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    const started = nowMs();
    const child = spawn(process.execPath, CHILD_ARGS, { stdio: ['ignore', 'pipe', 'pipe'] });
    let result: ColdStart | undefined;
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^ready (.*)$/m.exec(stdout);
      if (match && !result) result = { ms: nowMs() - started, phases: JSON.parse(match[1]!) as Record<string, number> };
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (result && code === 0) resolve(result);
      else reject(new HarnessError('BENCH_FAILED', `the cold-start child exited with ${code} before it was ready: ${stderr.trim().slice(-500)}`));
    });
  });
}
