import { expect, test } from '@playwright/test';
import { isHarnessError } from '../../harness/errors.js';
import { MOTO_REQUIREMENT, resolveMotoCommand, venvPython } from '../../harness/backends/moto/moto-launcher.js';
import type { CommandResult } from '../../harness/backends/moto/run-command.js';

/** A fake machine: which commands succeed, and a record of what was run. */
function machine(answers: Record<string, CommandResult | undefined>) {
  const ran: string[] = [];
  const run = async (file: string, args: readonly string[]) => {
    const line = [file, ...args].join(' ');
    ran.push(line);
    for (const [prefix, result] of Object.entries(answers)) if (line.startsWith(prefix) && result) return result;
    return { ok: false, stdout: '', stderr: `${file}: not found` };
  };
  return { ran, run };
}
const ok = (stdout = '') => ({ ok: true, stdout, stderr: '' });
const venv = venvPython('/project');

test('a python3 that imports moto runs the bootstrap that exits when our stdin closes', async () => {
  const { run } = machine({ 'python3 -c import moto': ok('5.2.1\n') });
  const command = await resolveMotoCommand({ run, projectDir: '/project', env: {}, exists: () => false });
  expect(command).toMatchObject({ file: 'python3', exitsOnStdinEof: true, version: '5.2.1' });
  expect(command.args[0]).toBe('-c');
});

test('HARNESS_PYTHON chooses the interpreter', async () => {
  const { run } = machine({ '/opt/py -c import moto': ok('5.2.1') });
  expect((await resolveMotoCommand({ run, env: { HARNESS_PYTHON: '/opt/py' }, exists: () => false })).file).toBe('/opt/py');
});

test('the project venv is used when it already has moto', async () => {
  const { run, ran } = machine({ [`${venv} -c import moto`]: ok('5.2.1') });
  const command = await resolveMotoCommand({ run, projectDir: '/project', env: {}, exists: (f) => f === venv });
  expect(command.file).toBe(venv);
  expect(ran.some((line) => line.includes('pip'))).toBe(false);
});

test('moto_server on PATH is used when no Python imports moto', async () => {
  const { run } = machine({ 'moto_server --help': ok() });
  expect(await resolveMotoCommand({ run, env: {}, exists: () => false })).toMatchObject({ file: 'moto_server', exitsOnStdinEof: false });
});

test('without moto but with python3, moto is installed into .harness/venv (and said so), never globally', async () => {
  const logged: string[] = [];
  const { run, ran } = machine({
    'python3 --version': ok('Python 3.11.7'),
    'python3 -m venv /project/.harness/venv': ok(),
    [`${venv} -m pip install`]: ok(),
    [`${venv} -c import moto`]: ok('5.2.1'),
  });
  // the venv does not exist before the install, so the venv is only probed after it
  const command = await resolveMotoCommand({ run, projectDir: '/project', env: {}, exists: () => false, log: (l) => logged.push(l) });
  expect(command).toMatchObject({ file: venv, version: '5.2.1', exitsOnStdinEof: true });
  expect(ran).toContain('python3 -m venv /project/.harness/venv');
  expect(ran.some((l) => l.startsWith(`${venv} -m pip install`) && l.endsWith(MOTO_REQUIREMENT))).toBe(true);
  expect(ran.some((l) => l.startsWith('python3 -m pip'))).toBe(false);
  expect(logged.join('\n')).toContain(`installing ${MOTO_REQUIREMENT}`);
});

test('without moto and without python3: PYTHON_MISSING saying what to install', async () => {
  const { run } = machine({});
  const error = await resolveMotoCommand({ run, env: {}, exists: () => false }).catch((e: unknown) => e);
  expect(isHarnessError(error, 'PYTHON_MISSING')).toBe(true);
  expect(String(error)).toContain('python3-venv');
  expect(String(error)).toContain(MOTO_REQUIREMENT);
});

test('a failing pip install is MOTO_NOT_INSTALLED', async () => {
  const { run } = machine({ 'python3 --version': ok(), 'python3 -m venv': ok() });
  const error = await resolveMotoCommand({ run, projectDir: '/project', env: {}, exists: () => false }).catch((e: unknown) => e);
  expect(isHarnessError(error, 'MOTO_NOT_INSTALLED')).toBe(true);
});

test('an explicit command is used as given', async () => {
  const { run, ran } = machine({});
  expect(await resolveMotoCommand({ command: { file: '/x/moto', args: ['-v'] }, run })).toEqual({ file: '/x/moto', args: ['-v'], exitsOnStdinEof: false });
  expect(ran).toEqual([]);
});
