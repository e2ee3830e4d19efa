/**
 * What `--target localstack` can learn before any case runs: the image is allowed (token rule), a Docker
 * engine answers, and the image is on it (pulled with progress if not). A failure here ends the run at
 * once instead of per case (Playwright restarts its worker after every failed case).
 */
import { dockerClient } from '../docker.js';
import { DEFAULT_PULL_BUDGET, ensureImage } from './ensure-image.js';
import { resolveLocalstackConfig } from './localstack-config.js';

export async function localstackPreflight(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const config = resolveLocalstackConfig(env);
  const client = await dockerClient(env);
  await ensureImage(client, config.image, log, DEFAULT_PULL_BUDGET);
}
