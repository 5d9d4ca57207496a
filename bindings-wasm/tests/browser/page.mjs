// Runs in Chromium (tests/browser/browser.test.mjs): loads the web build, runs the tour against
// the simulator server named by ?sim= (another origin, so CORS applies) and on the in-memory
// simulator, checks errors, and publishes everything as window.report for the test to read.
import init, { Client, ZapiError } from '/pkg/web/zapi_communities_wasm.js';
import initSimulator, { Simulator } from '/pkg/simulator/web/zapi_communities_wasm.js';
import { DEMO_PHONES, runTour, simulatorServer } from '/examples/tour-story.mjs';

const report = { ok: false, lines: [], simulatedLines: [], errors: {} };
try {
  await init();
  await initSimulator();
  const sim = new URLSearchParams(location.search).get('sim');
  const client = new Client({
    instanceId: 'SIM-INSTANCE',
    token: 'sim-token',
    clientToken: 'sim-client-token',
    baseUrl: sim,
    maxRetries: 0,
  });
  await runTour(client, DEMO_PHONES, (line) => report.lines.push(line), simulatorServer(sim));
  const simulator = new Simulator();
  await runTour(simulator.client(), DEMO_PHONES, (line) => report.simulatedLines.push(line), simulator);

  const describe = (error) => ({
    isZapiError: error instanceof ZapiError,
    isError: error instanceof Error,
    name: error.name,
    kind: error.kind,
    field: error.field ?? null,
    status: error.status ?? null,
    message: error.message,
  });
  try {
    await client.createCommunity('   ');
  } catch (error) {
    report.errors.validation = describe(error);
  }
  try {
    await new Client({ instanceId: 'SIM-INSTANCE', token: 'wrong', baseUrl: sim, maxRetries: 0 }).listChats(1, 10);
  } catch (error) {
    report.errors.api = describe(error);
  }
  try {
    await new Client({ instanceId: 'I', token: 't', baseUrl: 'http://127.0.0.1:9', maxRetries: 0 }).listChats(1, 1);
  } catch (error) {
    report.errors.transport = describe(error);
  }
  // A page holding a token for the public host: the client warns on the console.
  new Client({ instanceId: 'MY-INSTANCE', token: 'my-token' });
  report.ok = true;
} catch (error) {
  report.error = `${error}\n${error?.stack ?? ''}`;
}
window.report = report;
document.getElementById('out').textContent = JSON.stringify(report, null, 2);
