import { checkTester } from '../../../test/helpers/checkTester.js';
import { challengeV2 } from '../../../test/helpers/artifacts.js';
import type { FacilitatorSupported } from '../../artifacts/index.js';
import * as uptoFacilitator from './upto-facilitator.js';

const FACILITATOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const upto = (extra: Record<string, unknown> = { facilitatorAddress: FACILITATOR }) => challengeV2([{}, { scheme: 'upto', extra: { assetTransferMethod: 'permit2', ...extra } }]);
const supported = (kinds: FacilitatorSupported['kinds'], error: string | null = null): FacilitatorSupported => ({ url: 'http://127.0.0.1:4020', source: 'option', kinds, error });
const uptoKind = (facilitatorAddress: string, network = 'eip155:84532') => ({ x402Version: 2, scheme: 'upto', network, extra: { facilitatorAddress } });

checkTester(uptoFacilitator, {
  valid: [
    { name: 'the facilitator /supported publishes', artifacts: { challenge: upto(), facilitatorSupported: supported([uptoKind(FACILITATOR.toLowerCase())]) }, messageId: 'ok' },
    { name: 'a facilitator named, with no /supported to compare, saying why', artifacts: { challenge: upto() }, messageId: 'unverified' },
    { name: '/supported unreadable, saying so', artifacts: { challenge: upto(), facilitatorSupported: supported(null, 'HTTP 500') }, messageId: 'unverified' },
  ],
  invalid: [
    { name: 'no facilitatorAddress', artifacts: { challenge: upto({}) }, status: 'fail', messageId: 'missing' },
    { name: 'a facilitatorAddress that is no address', artifacts: { challenge: upto({ facilitatorAddress: 'facilitator.example' }) }, status: 'fail', messageId: 'notAddress' },
    { name: 'another facilitator than /supported publishes', artifacts: { challenge: upto(), facilitatorSupported: supported([uptoKind('0x70997970C51812dc3A010C7d01b50e0d17dc79C8')]) }, status: 'fail', messageId: 'mismatch' },
    { name: 'a facilitator that offers no upto on the network', artifacts: { challenge: upto(), facilitatorSupported: supported([uptoKind(FACILITATOR, 'eip155:8453')]) }, status: 'fail', messageId: 'notOffered' },
  ],
  skip: [
    { name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' },{ name: 'no upto requirement', artifacts: { challenge: challengeV2() }, messageId: 'notApplicable' }],
});
