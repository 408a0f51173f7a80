import { checkTester } from '../../../test/helpers/checkTester.js';
import { discovery, doc, missing } from '../../../test/helpers/discovery.js';
import * as documents from './documents.js';

const absentOpenApi = [missing('openapi', '/openapi.json'), missing('openapi', '/.well-known/openapi.json')];

checkTester(documents, {
  valid: [
    { name: 'a list of resource URLs', artifacts: { discovery: discovery([...absentOpenApi, doc('well-known', '/.well-known/x402', { version: 1, resources: ['https://api.example.com/weather'] })]) }, messageId: 'found' },
    { name: 'a list of objects', artifacts: { discovery: discovery([...absentOpenApi, doc('well-known', '/.well-known/x402', { resources: [{ url: '/weather', method: 'GET', price: '$0.01' }] })]) }, messageId: 'found' },
    { name: 'OpenAPI with x-payment-info', artifacts: { discovery: discovery([doc('openapi', '/openapi.json', { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/weather': { get: { 'x-payment-info': { pricingMode: 'fixed', price: '0.01', protocols: ['x402'] } } } } }), missing('openapi', '/.well-known/openapi.json'), missing('well-known', '/.well-known/x402')]) }, messageId: 'found', data: { documents: 'https://api.example.com/openapi.json', count: 1 } },
  ],
  invalid: [
    { name: 'garbage JSON', artifacts: { discovery: discovery([...absentOpenApi, doc('well-known', '/.well-known/x402', '{"resources": [nope')]) }, status: 'fail', messageId: 'unreadable', reported: 'warn' },
    { name: 'a document over the cap (an endless stream)', artifacts: { discovery: discovery([...absentOpenApi, { ...doc('well-known', '/.well-known/x402', '[[[['), truncated: true, json: null }]) }, status: 'fail', messageId: 'unreadable' },
    { name: 'JSON without resources', artifacts: { discovery: discovery([...absentOpenApi, doc('well-known', '/.well-known/x402', { hello: 'world' })]) }, status: 'fail', messageId: 'unreadable' },
    {
      name: 'a redirect to a private address, refused',
      artifacts: { discovery: discovery([...absentOpenApi, { ...missing('well-known', '/.well-known/x402'), status: null, error: 'forbidden-address: 10.0.0.1 is a private (RFC 1918) address' }]) },
      status: 'fail',
      messageId: 'refused',
    },
  ],
  skip: [
    { name: 'no discovery document at all: an info note', artifacts: { discovery: discovery([...absentOpenApi, missing('well-known', '/.well-known/x402')]) }, messageId: 'none' },
    {
      name: 'a catch-all HTML page at every path is no document',
      artifacts: { discovery: discovery([...absentOpenApi, (() => { const d = doc('well-known', '/.well-known/x402', '<!doctype html><div id=app>'); d.exchanges[0].headers = { 'content-type': 'text/html' }; return d; })()]) },
      messageId: 'none',
    },
  ],
});
