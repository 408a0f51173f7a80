import { expect } from 'vitest';
import { challengeV1, challengeV2 } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import * as description from './description.js';

const v2 = (text: unknown) => ({ challenge: challengeV2([{}], { resource: { url: 'https://api.example.com/weather', description: text } }) });

checkTester(description, {
  valid: [
    { name: 'a short v2 description', artifacts: v2('Weather report') },
    { name: 'a v1 description', artifacts: { challenge: challengeV1() }, messageId: 'ok' },
    { name: '500 characters exactly', artifacts: v2('x'.repeat(500)), data: { length: 500 } },
  ],
  invalid: [
    { name: 'no description', artifacts: v2(undefined), status: 'fail', messageId: 'missing' },
    { name: 'a blank description', artifacts: v2('  '), status: 'fail', messageId: 'missing' },
    { name: 'a non-string description', artifacts: v2({ en: 'Weather' }), status: 'fail', messageId: 'notString' },
    {
      name: 'an empty v1 description, naming the requirement',
      artifacts: { challenge: challengeV1([{}, { description: '' }]) },
      status: 'fail',
      messageId: 'missing',
      message: expect.stringContaining('Requirement #1'),
      evidence: 'accepts[1].description = ""',
    },
    { name: 'over 500 characters (CDP Bazaar, x402#2993)', artifacts: v2('x'.repeat(501)), status: 'fail', messageId: 'tooLong' },
    {
      name: 'every bad v1 description, not just the first',
      artifacts: { challenge: challengeV1([{ description: 'x'.repeat(501) }, {}, { description: 7 }]) },
      status: 'fail',
      messageId: 'tooLong',
      findings: [
        { status: 'fail', messageId: 'tooLong', message: expect.stringContaining('Requirement #0') },
        { status: 'fail', messageId: 'notString', evidence: 'accepts[2].description = 7' },
      ],
    },
  ],
  skip: [{ name: 'no requirements', artifacts: { challenge: challengeV2([]) }, messageId: 'none' }],
});
