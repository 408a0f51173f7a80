import { decodeFunctionData, keccak256, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { validationRegistryAbi } from './trustAbi.js';
import { dataUriOf, hashOf, serializeValidationDocument, validationResponseCalldata, validationScore, type ScoredReport } from './validationDocument.js';

const report = (verdict: 'pass' | 'fail', checks: [string, string][]): ScoredReport => ({ verdict, checks: checks.map(([severity, status]) => ({ severity, status })) });

describe('validationScore', () => {
  it('is 100 only when every report passes', () => {
    expect(validationScore([report('pass', [['error', 'pass'], ['warning', 'warn']])])).toBe(100);
    expect(validationScore([report('pass', []), report('fail', [['error', 'pass'], ['error', 'fail']])])).toBe(50);
  });
  it('counts only error checks that ran, rounds down, and never reaches 100 on a fail', () => {
    const checks: [string, string][] = [...Array.from({ length: 199 }, (): [string, string] => ['error', 'pass']), ['error', 'fail'], ['error', 'skip'], ['warning', 'fail']];
    expect(validationScore([report('fail', checks)])).toBe(99);
    expect(validationScore([report('fail', [['error', 'pass'], ['error', 'fail'], ['error', 'fail']])])).toBe(33);
  });
  it('is 0 with nothing probed or nothing that ran', () => {
    expect(validationScore([])).toBe(0);
    expect(validationScore([report('fail', [['error', 'skip']])])).toBe(0);
  });
});

describe('the published fields', () => {
  it('hash exactly the bytes the data: URI carries, and encode as validationResponse', () => {
    const text = serializeValidationDocument({ tool: 'x402-probe', kind: 'validation', version: '0', agent: 'a', startedAt: 't', verdict: 'pass', response: 100, skipped: [], reports: [] });
    const uri = dataUriOf(text);
    expect(Buffer.from(uri.split(',')[1], 'base64').toString('utf8')).toBe(text);
    expect(hashOf(text)).toBe(keccak256(toHex(text)));
    const fields = { requestHash: hashOf('r'), response: 100, responseURI: uri, responseHash: hashOf(text), tag: 'x402-probe/0' };
    const decoded = decodeFunctionData({ abi: validationRegistryAbi, data: validationResponseCalldata(fields) });
    expect(decoded.args).toEqual([fields.requestHash, 100, uri, fields.responseHash, 'x402-probe/0']);
  });
});
