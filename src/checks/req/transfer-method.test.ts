import { checkTester } from '../../../test/helpers/checkTester.js';
import { challengeV2 } from '../../../test/helpers/artifacts.js';
import * as transferMethod from './transfer-method.js';

const v2 = (...accepts: Record<string, unknown>[]) => ({ challenge: challengeV2(accepts) });
const OBOL = { asset: '0x0a09371a8b011d5110656ceBCc70603e53FD2c78', amount: '1000000000000000' };
const FACILITATOR = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

checkTester(transferMethod, {
  valid: [
    { name: 'EIP-3009 by default', artifacts: v2({}), messageId: 'ok' },
    { name: 'exact via Permit2 and upto', artifacts: v2({ extra: { assetTransferMethod: 'permit2' } }, { scheme: 'upto', extra: { facilitatorAddress: FACILITATOR } }), messageId: 'ok' },
    { name: 'OBOL named as Permit2', artifacts: v2({ ...OBOL, extra: { name: 'Obol Network', version: '1', assetTransferMethod: 'permit2' } }) },
    { name: 'the canonical proxy named', artifacts: v2({ extra: { assetTransferMethod: 'permit2', spender: '0x402085c248EeA27D92E8b30b2C58ed07f9E20001' } }) },
  ],
  invalid: [
    { name: 'a method no client implements', artifacts: v2({ extra: { name: 'USDC', version: '2', assetTransferMethod: 'permit' } }), status: 'fail', messageId: 'unknown' },
    { name: 'a method that is not a string', artifacts: v2({ extra: { name: 'USDC', version: '2', assetTransferMethod: 2 } }), status: 'fail', messageId: 'notString' },
    { name: 'upto by EIP-3009', artifacts: v2({ scheme: 'upto', extra: { assetTransferMethod: 'eip3009', facilitatorAddress: FACILITATOR } }), status: 'fail', messageId: 'uptoNotPermit2' },
    { name: 'OBOL with no method named (the client signs EIP-3009)', artifacts: v2({ ...OBOL, extra: { name: 'Obol Network', version: '1' } }), status: 'fail', messageId: 'permit2Only' },
    { name: 'a seller-chosen spender', artifacts: v2({ extra: { assetTransferMethod: 'permit2', spender: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' } }), status: 'fail', messageId: 'wrongAddress' },
    { name: 'the exact proxy named for upto', artifacts: v2({ scheme: 'upto', extra: { facilitatorAddress: FACILITATOR, proxy: '0x402085c248EeA27D92E8b30b2C58ed07f9E20001' } }), status: 'fail', messageId: 'wrongAddress' },
    { name: 'another Permit2 contract', artifacts: v2({ extra: { assetTransferMethod: 'permit2', permit2Address: '0x1111111111111111111111111111111111111111' } }), status: 'fail', messageId: 'wrongAddress' },
  ],
  skip: [
    { name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' },{ name: 'only Solana', artifacts: v2({ network: 'solana:EtWTRABZaYq6iMfeYKouRu166VU2xqa1' }), messageId: 'notApplicable' }],
});
