/**
 * Finds a way to run moto's server, in this order: a command given explicitly; a Python that imports moto
 * (HARNESS_PYTHON or python3); the project's `.harness/venv`; `moto_server` on PATH; else, when python3
 * exists, a fresh `.harness/venv` with moto installed into it (first use only; global Python untouched).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { HarnessError } from '../../errors.js';
import { runCommand, type RunCommand } from './run-command.js';

export const MOTO_REQUIREMENT = 'moto[server]==5.2.1';

export interface MotoCommand {
  file: string;
  /** arguments before `-H host -p port` */
  args: string[];
  /** true when the command exits by itself once its stdin closes (our Python bootstrap) */
  exitsOnStdinEof: boolean;
  version?: string;
}

export interface LauncherOptions {
  /** run exactly this (tests, unusual installs); host and port arguments are appended */
  command?: { file: string; args?: string[] };
  /** where `.harness/venv` lives (default: the working directory) */
  projectDir?: string;
  python?: string;
  log?: (line: string) => void;
  run?: RunCommand;
  exists?: (file: string) => boolean;
  env?: NodeJS.ProcessEnv;
}

/** Starts moto's server and exits as soon as stdin reaches EOF, i.e. when our process dies in any way. */
const BOOTSTRAP = [
  'import os, sys, threading',
  'def _watch():',
  '    try:',
  '        sys.stdin.buffer.read()',
  '    finally:',
  '        os._exit(0)',
  'threading.Thread(target=_watch, daemon=True).start()',
  'from moto.server import main',
  'main(sys.argv[1:])',
].join('\n');

const VERSION_PROBE = 'import moto, moto.server; print(moto.__version__)';

export function venvPython(projectDir: string): string {
  const venv = path.join(projectDir, '.harness', 'venv');
  return process.platform === 'win32' ? path.join(venv, 'Scripts', 'python.exe') : path.join(venv, 'bin', 'python');
}

function viaPython(python: string, version: string): MotoCommand {
  return { file: python, args: ['-c', BOOTSTRAP], exitsOnStdinEof: true, version };
}

export async function resolveMotoCommand(options: LauncherOptions = {}): Promise<MotoCommand> {
  if (options.command) return { file: options.command.file, args: options.command.args ?? [], exitsOnStdinEof: false };
  const run = options.run ?? runCommand;
  const exists = options.exists ?? existsSync;
  const env = options.env ?? process.env;
  const python = options.python ?? env.HARNESS_PYTHON ?? 'python3';
  const venv = venvPython(options.projectDir ?? process.cwd());

  const motoVersion = async (py: string) => {
    const result = await run(py, ['-c', VERSION_PROBE], { timeoutMs: 30_000 });
    return result.ok ? result.stdout.trim() : undefined;
  };

  const systemVersion = await motoVersion(python);
  if (systemVersion) return viaPython(python, systemVersion);
  if (exists(venv)) {
    const version = await motoVersion(venv);
    if (version) return viaPython(venv, version);
  }
  if ((await run('moto_server', ['--help'], { timeoutMs: 30_000 })).ok) {
    return { file: 'moto_server', args: [], exitsOnStdinEof: false };
  }
  if (!(await run(python, ['--version'])).ok) {
    throw new HarnessError(
      'PYTHON_MISSING',
      `moto is not installed and ${python} was not found. Install Python 3 with its venv module ` +
        `(e.g. \`apt-get install python3 python3-venv\`), or install moto yourself: \`pip install '${MOTO_REQUIREMENT}'\`, ` +
        'or set HARNESS_PYTHON to a Python that has it.',
    );
  }
  return viaPython(venv, await installIntoVenv(python, venv, options.log, run));
}

async function installIntoVenv(python: string, venv: string, log: ((line: string) => void) | undefined, run: RunCommand) {
  const venvDir = path.dirname(path.dirname(venv));
  log?.(`moto not found: installing ${MOTO_REQUIREMENT} into ${path.relative(process.cwd(), venvDir) || venvDir} (first use only)`);
  const steps: [string, string[], string][] = [
    [python, ['-m', 'venv', venvDir], 'create the virtual environment'],
    [venv, ['-m', 'pip', 'install', '--disable-pip-version-check', '--quiet', MOTO_REQUIREMENT], `pip install ${MOTO_REQUIREMENT}`],
  ];
  for (const [file, args, what] of steps) {
    const result = await run(file, args, { timeoutMs: 600_000 });
    if (!result.ok) {
      throw new HarnessError('MOTO_NOT_INSTALLED', `could not ${what} in ${venvDir}:\n${tail(result.stderr)}`);
    }
  }
  const check = await run(venv, ['-c', VERSION_PROBE], { timeoutMs: 30_000 });
  if (!check.ok) throw new HarnessError('MOTO_NOT_INSTALLED', `moto was installed into ${venvDir} but does not import:\n${tail(check.stderr)}`);
  return check.stdout.trim();
}

export function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
