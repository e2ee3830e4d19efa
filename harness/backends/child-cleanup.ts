/**
 * Child processes that must not outlive us. On process 'exit' every tracked child gets SIGKILL (exit
 * handlers cannot wait); on SIGINT/SIGTERM they get SIGTERM and, when nobody else listens for the signal,
 * we re-raise it so the default behaviour (terminate) still happens.
 */
import type { ChildProcess } from 'node:child_process';

const tracked = new Set<ChildProcess>();
let installed = false;

function killAll(signal: NodeJS.Signals): void {
  for (const child of tracked) {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  }
}

function onSignal(signal: NodeJS.Signals): void {
  killAll('SIGTERM');
  if (process.listenerCount(signal) === 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

const onExit = () => killAll('SIGKILL');

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function uninstall(): void {
  installed = false;
  process.off('exit', onExit);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

/** Tracks `child` until it exits; returns a function that stops tracking it. */
export function killOnExit(child: ChildProcess): () => void {
  install();
  tracked.add(child);
  const forget = () => {
    tracked.delete(child);
    if (tracked.size === 0) uninstall();
  };
  child.once('exit', forget);
  return forget;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
