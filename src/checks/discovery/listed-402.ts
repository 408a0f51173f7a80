import { readDiscovery } from '../../protocol/discovery.js';
import { fail, pass, skip } from '../outcome.js';
import type { CheckInput, CheckMeta, CheckOutcome } from '../types.js';

export const meta = {
  id: 'discovery.listed-402',
  title: 'Every resource a discovery document lists answers 402 with a challenge',
  severity: 'error',
  specRef: 'https://github.com/Merit-Systems/x402scan/blob/main/docs/DISCOVERY.md#how-x402scan-registers',
  fix: 'Remove retired routes from the discovery document, or list them with the method and path the payment gate answers.',
  requires: ['discovery'],
  messages: {
    answers: '{method} {url} answers 402 with a challenge.',
    notListed: 'No discovery document lists a resource besides the probed one.',
    status: '{method} {url}, listed in a discovery document, answers {status}: indexers register it and buyers find a dead route.',
    noChallenge: '{method} {url} answers 402 without a decodable challenge.',
  },
} as const satisfies CheckMeta;

export function check({ discovery }: CheckInput<typeof meta>): CheckOutcome[] {
  if (readDiscovery(discovery.documents, discovery.origin).found.length === 0 || discovery.listed.length === 0) return [skip(meta, 'notListed')];
  return discovery.listed.map(({ url, method, exchange, challenge }) => {
    const data = { method, url, status: exchange.status === null ? `nothing (${exchange.error?.code ?? 'no response'})` : exchange.status };
    if (exchange.status !== 402) return fail(meta, 'status', data, exchange.error?.message);
    return challenge?.x402Version ? pass(meta, 'answers', data) : fail(meta, 'noChallenge', data);
  });
}
