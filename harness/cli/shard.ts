/** `--shard i/n`: which slice of the cases this machine runs (Playwright's own sharding). */
import { usageError } from './options.js';

export interface Shard {
  current: number;
  total: number;
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value.trim());
  const current = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (!match || total < 1 || current < 1 || current > total) {
    throw usageError(`--shard: "${value}" is not i/n with 1 <= i <= n, e.g. --shard 2/3`);
  }
  return { current, total };
}
