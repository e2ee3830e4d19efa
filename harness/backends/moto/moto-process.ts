/** One running moto server process: spawned on a loopback port, stderr tail kept, never orphaned. */
import { spawn, type ChildProcess } from 'node:child_process';
import { HarnessError } from '../../errors.js';
import { killOnExit, stopChild } from '../child-cleanup.js';
import { httpAnswers, waitUntilReady } from '../wait-until-ready.js';
import { tail, type MotoCommand } from './moto-launcher.js';

const STDERR_KEEP = 8 * 1024;

export class MotoProcess {
  private stderr = '';
  private exit?: string;
  private readonly forget: () => void;

  private constructor(
    readonly child: ChildProcess,
    readonly endpoint: string,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_KEEP);
    });
    child.on('error', (error) => (this.exit ??= `could not run it: ${error.message}`));
    child.on('exit', (code, signal) => (this.exit ??= signal ? `it was killed by ${signal}` : `it exited with code ${code}`));
    this.forget = killOnExit(child);
  }

  static spawn(command: MotoCommand, port: number, env: NodeJS.ProcessEnv = process.env): MotoProcess {
    const child = spawn(command.file, [...command.args, '-H', '127.0.0.1', '-p', String(port)], {
      stdio: [command.exitsOnStdinEof ? 'pipe' : 'ignore', 'ignore', 'pipe'],
      detached: false,
      env,
    });
    return new MotoProcess(child, `http://127.0.0.1:${port}`);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stderrTail(): string {
    return this.stderr ? `stderr (last lines):\n${tail(this.stderr)}` : '(nothing on stderr)';
  }

  async waitUntilReady(timeoutMs: number): Promise<void> {
    await waitUntilReady({
      what: `moto to answer GET ${this.endpoint}/moto-api/`,
      timeoutMs,
      probe: httpAnswers(`${this.endpoint}/moto-api/`, { status: 200, timeoutMs: 1000 }),
      gaveUp: () => this.exit,
      detail: () => this.stderrTail(),
    });
  }

  /** moto keeps its state in memory only: a short grace before SIGKILL loses nothing */
  async stop(): Promise<void> {
    await stopChild(this.child, 500);
    this.forget();
  }

  /** a started process answering nothing is useless: turn a failed start into a coded error, leaving no process */
  static async start(command: MotoCommand, port: number, timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<MotoProcess> {
    const proc = MotoProcess.spawn(command, port, env);
    try {
      await proc.waitUntilReady(timeoutMs);
      return proc;
    } catch (error) {
      await proc.stop();
      if (error instanceof HarnessError) throw error;
      throw new HarnessError('BACKEND_START_FAILED', `could not start moto (${command.file}): ${String(error)}`, { cause: error });
    }
  }
}
