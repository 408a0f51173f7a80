/**
 * The sandbox's obol gate against a recorded real-obol 402 (fixtures/obol/recorded402.ts, written
 * by hand from obol-stack's verifier), field by field: headers present and absent, every body key
 * and value, the legacy twins, the HTML page, and how bad payments are answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANY_ADDRESS, ANY_BASE64_OF_BODY, ANY_STRING, ANY_URL, RECORDED_BODY, RECORDED_HEADERS, RECORDED_REFUSALS } from '../../fixtures/obol/recorded402.js';
import { startFakeOllama, type FakeOllama } from '../../src/sandbox/fakeOllama.js';
import type { StartedSeller } from '../../src/sandbox/sellers/common.js';
import { startObolGate } from '../../src/sandbox/sellers/obolGate.js';

let ollama: FakeOllama;
let gate: StartedSeller;
// Nothing listens on the discard port of loopback: the facilitator is unreachable.
const FACILITATOR = 'http://127.0.0.1:9';
const PAY_TO = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

beforeAll(async () => {
  ollama = await startFakeOllama();
  gate = await startObolGate({ facilitatorUrl: FACILITATOR, upstreamUrl: ollama.url, payTo: PAY_TO });
});

afterAll(async () => {
  await gate?.close();
  await ollama?.close();
});

const chat = (headers: Record<string, string> = {}) => fetch(gate.seller.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"messages":[]}' });

/** Every difference between what the sandbox sent and the recorded shape, as `path: why` lines. */
function differences(recorded: unknown, actual: unknown, path: string, out: string[] = []): string[] {
  if (recorded === ANY_STRING) {
    if (typeof actual !== 'string' || actual === '') out.push(`${path}: wants a non-empty string, got ${JSON.stringify(actual)}`);
  } else if (recorded === ANY_URL) {
    if (typeof actual !== 'string' || !URL.canParse(actual)) out.push(`${path}: wants an absolute URL, got ${JSON.stringify(actual)}`);
  } else if (recorded === ANY_ADDRESS) {
    if (typeof actual !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(actual)) out.push(`${path}: wants an address, got ${JSON.stringify(actual)}`);
  } else if (Array.isArray(recorded)) {
    if (!Array.isArray(actual) || actual.length !== recorded.length) out.push(`${path}: wants ${recorded.length} entries, got ${JSON.stringify(actual)?.slice(0, 80)}`);
    else recorded.forEach((r, i) => differences(r, actual[i], `${path}[${i}]`, out));
  } else if (recorded !== null && typeof recorded === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) out.push(`${path}: wants an object, got ${JSON.stringify(actual)}`);
    else {
      // Keys the recording has must be there; keys beyond it are allowed only inside bazaar's info (free-form).
      for (const [key, value] of Object.entries(recorded)) differences(value, (actual as Record<string, unknown>)[key], `${path}.${key}`, out);
      if (!path.includes('bazaar')) for (const key of Object.keys(actual)) if (!(key in recorded)) out.push(`${path}.${key}: not in the recorded obol 402`);
    }
  } else if (recorded !== actual) out.push(`${path}: wants ${JSON.stringify(recorded)}, got ${JSON.stringify(actual)}`);
  return out;
}

describe('the sandbox obol gate against a recorded real-obol 402', () => {
  it('sends the recorded headers, and none of the ones obol does not send', async () => {
    const response = await chat();
    expect(response.status).toBe(402);
    const bytes = Buffer.from(await response.arrayBuffer());
    for (const [name, value] of Object.entries(RECORDED_HEADERS.present)) {
      expect(response.headers.get(name), name).toBe(value === ANY_BASE64_OF_BODY ? bytes.toString('base64') : value);
    }
    for (const name of RECORDED_HEADERS.absent) expect(response.headers.get(name), name).toBeNull();
  });

  it('sends the recorded body, field by field', async () => {
    const body = (await (await chat()).json()) as Record<string, unknown>;
    expect(differences(RECORDED_BODY, body, 'body')).toEqual([]);
    expect(Object.keys(body)).toEqual(Object.keys(RECORDED_BODY));
    const accepts = body.accepts as Record<string, unknown>[];
    // payTo and asset as configured, character for character: obol compares them case-sensitively.
    expect(accepts.map((a) => a.payTo)).toEqual([PAY_TO, PAY_TO]);
  });

  it('the comparison itself catches a drift (a 60 s timeout, an extra key, a missing twin)', () => {
    const drifted = structuredClone(RECORDED_BODY) as unknown as Record<string, unknown> & { accepts: Record<string, unknown>[] };
    drifted.accepts = [{ ...drifted.accepts[0], maxTimeoutSeconds: 60, payTo: PAY_TO, amount: '1000' }];
    drifted.cache = 'no-store';
    expect(differences(RECORDED_BODY, drifted, 'body').join('\n')).toMatch(/wants 2 entries[\s\S]*body\.cache: not in the recorded/);
  });

  it('serves an HTML page with no-store when Accept asks for text/html, still with status 402', async () => {
    const response = await chat({ accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' });
    expect(response.status).toBe(402);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('payment-required')).toBeNull();
    expect(await response.text()).toContain('Payment required');
  });

  it('answers bad payments as obol does', async () => {
    const malformed = await chat({ 'x-payment': 'not base64!' });
    expect(malformed.status).toBe(RECORDED_REFUSALS.malformedHeader.status);
    expect(await malformed.json()).toMatchObject({ reason: RECORDED_REFUSALS.malformedHeader.reason, retriable: false });

    const lowercasePayTo = { x402Version: 2, accepted: { ...(RECORDED_BODY.accepts[0] as object), amount: '1000', payTo: PAY_TO.toLowerCase() }, payload: { signature: '0x' } };
    const mismatch = await chat({ 'payment-signature': Buffer.from(JSON.stringify(lowercasePayTo)).toString('base64') });
    expect(mismatch.status).toBe(RECORDED_REFUSALS.noMatchingRequirement.status);
    expect(await mismatch.json()).toMatchObject({ extensions: { paymentFailure: { reason: 'no_matching_requirement' } } });

    const matching = { ...lowercasePayTo, accepted: { ...lowercasePayTo.accepted, payTo: PAY_TO } };
    const unreachable = await chat({ 'payment-signature': Buffer.from(JSON.stringify(matching)).toString('base64') });
    expect(unreachable.status).toBe(RECORDED_REFUSALS.facilitatorUnreachable.status);
    expect(await unreachable.json()).toMatchObject({ reason: RECORDED_REFUSALS.facilitatorUnreachable.reason });
  });
});
