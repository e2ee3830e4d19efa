/** Process checks for backend tests. */
import { isAlive } from '../../harness/cli/up-state.js';

export { isAlive };

/** Resolves true once `pid` is gone, false when it is still there at the deadline. */
export async function exitsWithin(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isAlive(pid);
}
