/**
 * The Examples section that ends each command's --help, by command path (main.ts adds it, last,
 * to every command; test/cli-conventions.test.ts holds each help to exactly one such section).
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  check: [
    'x402-probe check https://api.example.com/weather',
    'x402-probe check https://api.example.com/chat -X POST -d \'{"model":"qwen3:0.6b"}\' --expect-price 0.01 --json',
    'X402_BUYER_KEY=0x… x402-probe check https://api.example.com/weather --pay --key-env X402_BUYER_KEY --max-amount 0.01',
    'x402-probe check https://api.example.com/weather --reporter html > report.html',
  ],
  scan: ['x402-probe scan urls.txt --json', 'x402-probe scan --from-registry --limit 50'],
  'scan merge': ['x402-probe scan merge shard-0.ndjson shard-1.ndjson', 'x402-probe scan merge --json shards/*.ndjson'],
  k8s: ['x402-probe k8s watch qwen -n llm --image ghcr.io/acme/x402-probe:0.1.0', 'x402-probe k8s scan --image ghcr.io/acme/x402-probe:0.1.0 --shards 8 --apply'],
  'k8s watch': [
    'x402-probe k8s watch qwen -n llm --image ghcr.io/acme/x402-probe:0.1.0 > watch.yaml',
    'x402-probe k8s watch qwen -n llm --image ghcr.io/acme/x402-probe:0.1.0 --key-secret buyer:key --pay-every 60 --apply',
  ],
  'k8s scan': [
    'x402-probe k8s scan --image ghcr.io/acme/x402-probe:0.1.0 --shards 8 | kubectl apply -f -',
    'x402-probe k8s scan --image ghcr.io/acme/x402-probe:0.1.0 --schedule "17 3 * * *" --rpc-secret base-rpc:url --apply',
  ],
  registry: ['x402-probe registry show 84532:42'],
  'registry show': ['x402-probe registry show 84532:42', 'x402-probe registry show eip155:84532:0x8004A818BFB912233c491871b3d84c89A494BD9e:7 --rpc http://127.0.0.1:8545 --json'],
  market: ['x402-probe market --model qwen3:0.6b', 'x402-probe market --type inference --size 8b --measure qwen3:8b --json', 'x402-probe market --validated-by 0x… --json'],
  offer: ['x402-probe offer qwen -n llm', 'x402-probe offer weather -n default --path /forecast --json'],
  preflight: ['x402-probe preflight --json', 'x402-probe preflight --endpoint http://gpu.lan:8000/v1 --measure --json', 'x402-probe preflight --type http --address 0x…'],
  discover: ['x402-probe discover https://api.example.com', 'x402-probe discover https://api.example.com --json', 'x402-probe discover https://api.example.com --probe --per-host 1'],
  validate: ['x402-probe validate 84532:12 --rpc http://127.0.0.1:8545', 'x402-probe validate 12 --publish --key-env VALIDATOR_KEY', 'x402-probe validate 12 --response-uri https://me.example/v.json --report-out v.json'],
  sell: ['x402-probe sell inference qwen --model qwen3:0.6b --price 0.5 --per-mtok --pay-to 0x…', 'x402-probe sell http weather --upstream weather-api:8080 --price 0.01 --pay-to 0x… --dry-run'],
  'sell inference': ['x402-probe sell inference qwen --model qwen3:0.6b --price 0.5 --per-mtok --pay-to 0x…'],
  'sell http': ['x402-probe sell http weather --upstream weather-api:8080 --price 0.01 --pay-to 0x…', 'x402-probe sell http weather --upstream weather-api --port 8080 --per-request 0.01 --pay-to 0x… --dry-run'],
  watch: [
    'x402-probe watch https://seller.example/api/weather --interval 60 --metrics-port 9464',
    'x402-probe watch --offer my-qwen -n llm --metrics-port 9464 --webhook https://hooks.example/x402',
    'X402_BUYER_KEY=0x… x402-probe watch https://seller.example/api --pay-every 60 --daily-cap 0.10 --key-env X402_BUYER_KEY --json',
  ],
  sandbox: ['x402-probe sandbox', 'x402-probe sandbox --json'],
  demo: ['x402-probe demo', 'x402-probe demo --json'],
};

export function examplesText(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  ${line}`).join('\n')}`;
}
