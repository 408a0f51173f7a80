import { exchange, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { discovery, doc } from '../../../test/helpers/discovery.js';
import * as listed402 from './listed-402.js';

const list = doc('well-known', '/.well-known/x402', { resources: ['https://api.example.com/weather', 'https://api.example.com/forecast'] });

checkTester(listed402, {
  valid: [{ name: 'the other listed route answers 402', artifacts: { discovery: discovery([list], [{ url: 'https://api.example.com/forecast', response: v2Response() }]) }, messageId: 'answers' }],
  invalid: [
    { name: 'a listed route answers 404 (a retired route still listed)', artifacts: { discovery: discovery([list], [{ url: 'https://api.example.com/forecast', response: exchange({ status: 404 }) }]) }, status: 'fail', messageId: 'status', data: { method: 'GET', url: 'https://api.example.com/forecast', status: 404 } },
    { name: 'a listed route answers 402 with no challenge', artifacts: { discovery: discovery([list], [{ url: 'https://api.example.com/forecast', response: exchange({ status: 402, body: 'pay me' }) }]) }, status: 'fail', messageId: 'noChallenge' },
  ],
  skip: [{ name: 'only the probed route is listed', artifacts: { discovery: discovery([list]) }, messageId: 'notListed' }],
});
