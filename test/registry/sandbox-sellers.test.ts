/** The sandbox's own sellers pass every registry.* check, found through --agent auto and through an explicit ref. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/context.js';
import type { Report } from '../../src/report/types.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/startSandbox.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
}, 60_000);

afterAll(async () => {
  await sandbox?.stop();
});

async function check(args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), isTTY: false, color: false, env: {}, waitForInterrupt: () => new Promise(() => {}) };
  // The sandbox's http agentURIs are loopback files: registry data, so they need --allow-private.
  const code = await main(['check', ...args, '--rpc', sandbox.rpcUrl, '--allow-private', '--no-attacks', '--json'], io);
  return { code, report: JSON.parse(out) as Report, stderr: err };
}

describe('sandbox sellers against the sandbox registry', () => {
  it('has sellers registered as agents', () => {
    expect(sandbox.sellers.length).toBeGreaterThanOrEqual(2);
  });

  for (const style of ['auto', 'explicit', 'bare id'] as const) {
    it(`every seller passes registry.* with --agent ${style}`, async () => {
      for (const seller of sandbox.sellers) {
        const agent = style === 'auto' ? 'auto' : style === 'explicit' ? `eip155:84532:${sandbox.identityRegistry}:${seller.agentId}` : seller.agentId;
        const { code, report, stderr } = await check([seller.url, '-X', seller.method, '--agent', agent]);
        const registry = report.checks.filter((c) => c.id.startsWith('registry.'));
        expect(registry.length, seller.name).toBe(11);
        const notPassing = registry.filter((c) => c.status !== 'pass' && !(c.id === 'registry.price-agrees' && c.status === 'skip'));
        expect(notPassing.map((c) => `${seller.name} ${c.id}: ${c.status} ${c.message}`)).toEqual([]);
        expect(report.registry).toMatchObject({ agent: `eip155:84532:${sandbox.identityRegistry}:${seller.agentId}`, agentURI: seller.agentURI, source: style === 'auto' ? 'auto' : style === 'explicit' ? 'explicit' : 'default' });
        expect(code, `${seller.name}: ${stderr}`).toBe(0);
      }
    });
  }

  it('rejects an unreadable --agent as a usage error', async () => {
    let err = '';
    const io: CliIO = { stdout: () => {}, stderr: (t) => void (err += t), isTTY: false, color: false, env: {}, waitForInterrupt: () => new Promise(() => {}) };
    expect(await main(['check', sandbox.sellers[0].url, '--agent', 'agent-seven'], io)).toBe(2);
    expect(err).toContain('--agent');
  });
});
