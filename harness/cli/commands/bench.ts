import type { Command } from 'commander';

export function registerBench(_program: Command, _setExit: (code: number) => void): void {}
