/** Peak resident memory: sampled while a measurement runs, plus the OS's high-water marks. */
import { readFileSync } from 'node:fs';

const MB = 2 ** 20;

/** Samples this process's RSS every `intervalMs` while `work` runs; resolves with the work's value and the peak (MB). */
export async function withPeakRss<T>(work: () => Promise<T>, intervalMs = 25): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), intervalMs);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { value, peakMb: peak / MB };
  } finally {
    clearInterval(timer);
  }
}

/** This process's lifetime peak RSS (MB). */
export const processMaxRssMb = (): number => (process.resourceUsage().maxRSS * 1024) / MB;

/** Another process's peak RSS (Linux VmHWM), undefined where /proc is not available. */
export function peakRssOfPid(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}
