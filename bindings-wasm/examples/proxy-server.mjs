#!/usr/bin/env node
// A backend proxy for web pages. The page's client has no credentials:
//   new Client({ proxy: true, baseUrl: 'https://your.app/zapi' })
// sends to /zapi/instances/proxy/token/proxy/<route>; this server swaps in the real instance
// id and token, adds Client-Token and forwards to Z-API. Run it with ZAPI_INSTANCE_ID,
// ZAPI_TOKEN, ZAPI_CLIENT_TOKEN (and PORT, ZAPI_BASE_URL) set; tests/proxy.test.mjs runs it
// in front of the simulator.
import http from 'node:http';
import { pathToFileURL } from 'node:url';

// START proxy
export function createProxy({ instanceId, token, clientToken, upstream = 'https://api.z-api.io' }) {
  const base = `${upstream}/instances/${instanceId}/token/${token}`;
  return http.createServer(async (req, res) => {
    // Whatever the page put in the instance and token segments is replaced here.
    const route = /^\/zapi\/instances\/[^/]+\/token\/[^/]+(\/.*)$/.exec(req.url ?? '')?.[1];
    // Authenticate your user here, and allow only the routes your page needs.
    if (!route) return res.writeHead(404).end();
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const answer = await fetch(base + route, {
      method: req.method,
      redirect: 'manual', // never follow: a redirect would take the token in the URL elsewhere
      headers: {
        'content-type': req.headers['content-type'] ?? 'application/json',
        ...(clientToken ? { 'client-token': clientToken } : {}),
      },
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
}
// END proxy

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { ZAPI_INSTANCE_ID, ZAPI_TOKEN, ZAPI_CLIENT_TOKEN, ZAPI_BASE_URL, PORT = '8787' } = process.env;
  const proxy = createProxy({
    instanceId: ZAPI_INSTANCE_ID,
    token: ZAPI_TOKEN,
    clientToken: ZAPI_CLIENT_TOKEN,
    upstream: ZAPI_BASE_URL || undefined,
  });
  proxy.listen(Number(PORT), '127.0.0.1', () => console.log(`proxy on http://127.0.0.1:${PORT}/zapi`));
}
