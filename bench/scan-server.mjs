// Loopback sellers for bench/scan-throughput.mjs, in their own process: one correct v2 seller
// (402 + PAYMENT-REQUIRED, 400 to a malformed payment, 402 re-challenge to any other payment)
// listening on HOSTS loopback addresses (127.0.0.1 … 127.0.0.N) at one port, any path.
// Prints {"port": <n>, "hosts": [...]} on stdout once listening; exits when stdin closes.
import http from 'node:http';

const hosts = Array.from({ length: Number(process.argv[2] ?? 32) }, (_, i) => `127.0.0.${i + 1}`);

function handler(req, res) {
  const origin = `http://${req.headers.host}`;
  const required = {
    x402Version: 2,
    error: 'Payment required',
    resource: { url: `${origin}${req.url}`, description: 'bench resource', mimeType: 'application/json' },
    accepts: [{ scheme: 'exact', network: 'eip155:84532', amount: '10000', asset: '0x036CbD53842c5426634e7929541eC2318f3dCF7e',
      payTo: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', maxTimeoutSeconds: 60, extra: { name: 'USDC', version: '2' } }],
  };
  const payment = req.headers['payment-signature'];
  req.resume();
  if (payment && !/^[A-Za-z0-9+/]*={0,2}$/.test(payment)) {
    res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid payment header"}');
    return;
  }
  res.writeHead(402, {
    'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*',
    'access-control-expose-headers': 'PAYMENT-REQUIRED, PAYMENT-RESPONSE',
    'payment-required': Buffer.from(JSON.stringify(required)).toString('base64'),
  }).end('{}');
}

const servers = [];
let port = 0;
for (const host of hosts) {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  port = server.address().port;
  servers.push(server);
}
process.stdout.write(`${JSON.stringify({ port, hosts })}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  for (const s of servers) s.close();
  for (const s of servers) s.closeAllConnections();
});
