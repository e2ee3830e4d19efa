/**
 * Makes sure the LocalStack image is on the engine before a container is created: a local image is used as
 * is; otherwise it is pulled with progress lines on the terminal, and a pull that fails, stalls or runs over
 * its budget ends with LOCALSTACK_IMAGE_UNAVAILABLE (testcontainers alone would wait on a dead registry).
 */
import { ImageName, type ContainerRuntimeClient } from 'testcontainers';
import { HarnessError } from '../../errors.js';

export interface PullBudget {
  /** the whole pull (default 10 min) */
  totalMs: number;
  /** no progress event for this long ends the pull (default 30 s) */
  stallMs: number;
  /** at most one progress line per interval (default 5 s) */
  progressEveryMs: number;
}

export const DEFAULT_PULL_BUDGET: PullBudget = { totalMs: 600_000, stallMs: 30_000, progressEveryMs: 5_000 };

interface PullEvent {
  status?: string;
  id?: string;
  error?: string;
  progressDetail?: { current?: number; total?: number };
}

export async function ensureImage(
  client: Pick<ContainerRuntimeClient, 'image' | 'container'>,
  image: string,
  log: (line: string) => void,
  budget: PullBudget = DEFAULT_PULL_BUDGET,
): Promise<'local' | 'pulled'> {
  if (await client.image.exists(ImageName.fromString(image))) return 'local';
  log(`${image} is not on this Docker engine: pulling it`);
  const stream = await client.container.dockerode.pull(image).catch((error: unknown) => {
    throw unavailable(image, error instanceof Error ? error.message : String(error));
  });
  await followPull(stream, image, log, budget);
  if (!(await client.image.exists(ImageName.fromString(image)))) throw unavailable(image, 'the pull ended without the image');
  log(`pulled ${image}`);
  return 'pulled';
}

function followPull(stream: NodeJS.ReadableStream, image: string, log: (line: string) => void, budget: PullBudget): Promise<void> {
  const layers = new Map<string, { current: number; total: number }>();
  const started = Date.now();
  let lastLine = started;
  let buffered = '';
  return new Promise((resolve, reject) => {
    let stall: NodeJS.Timeout;
    const fail = (why: string) => {
      clearTimeout(stall);
      clearTimeout(total);
      (stream as unknown as { destroy?: () => void }).destroy?.();
      reject(unavailable(image, why));
    };
    const armStall = () => {
      clearTimeout(stall);
      stall = setTimeout(() => fail(`no pull progress for ${budget.stallMs / 1000} s`), budget.stallMs);
    };
    const total = setTimeout(() => fail(`the pull took longer than ${budget.totalMs / 1000} s`), budget.totalMs);
    armStall();
    stream.on('data', (chunk: Buffer) => {
      armStall();
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        let event: PullEvent;
        try {
          event = JSON.parse(line) as PullEvent;
        } catch {
          continue;
        }
        if (event.error) return fail(event.error);
        if (event.id && event.progressDetail?.total) layers.set(event.id, { current: event.progressDetail.current ?? 0, total: event.progressDetail.total });
      }
      if (Date.now() - lastLine >= budget.progressEveryMs) {
        lastLine = Date.now();
        const mb = (n: number) => Math.round(n / 1e6);
        const sum = [...layers.values()].reduce((a, l) => ({ current: a.current + l.current, total: a.total + l.total }), { current: 0, total: 0 });
        log(`pulling ${image}: ${mb(sum.current)} of ${mb(sum.total)} MB (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    });
    stream.on('error', (error: Error) => fail(error.message));
    stream.on('end', () => {
      clearTimeout(stall);
      clearTimeout(total);
      resolve();
    });
  });
}

export function unavailable(image: string, why: string): HarnessError {
  return new HarnessError('LOCALSTACK_IMAGE_UNAVAILABLE', `LocalStack image ${image} is not available: ${why.trim().replace(/\.$/, '')}. ${remedy(image)}`);
}

/** What a user can do when the image cannot be had. */
export function remedy(image: string): string {
  return (
    `Pull it where a registry is reachable (\`docker pull ${image}\`, or \`docker save\`/\`docker load\` it onto this machine), ` +
    'name an image this engine has with LOCALSTACK_IMAGE=<image> (a mirror or your own build), or run on moto with --target moto.'
  );
}
