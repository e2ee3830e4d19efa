/**
 * The child of the cold-start figure: a fresh process that starts backend + IdP + gate and says `ready`
 * (with its own phase timings, for profiling), then tears everything down.
 */
const importsStarted = performance.now();
const { startEnvironment } = await import('../fixtures/environment.js');
const importsDone = performance.now();
const environment = await startEnvironment({ target: 'moto', enforce: true });
const ready = performance.now();
process.stdout.write(
  `ready ${JSON.stringify({ processToImportsMs: importsStarted, importsMs: importsDone - importsStarted, startEnvironmentMs: ready - importsDone })}\n`,
);
await environment.close();
