import { challengeOf, exchange, target, v2PaymentRequired, v2Requirement, v2Response } from '../../../test/helpers/artifacts.js';
import { checkTester } from '../../../test/helpers/checkTester.js';
import { discovery, doc, missing } from '../../../test/helpers/discovery.js';
import * as agrees from './agrees.js';

const OTHER_PAY_TO = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const OPENAPI_POINTER = 'paths["/weather"].get["x-payment-info"]';
const challenge = challengeOf(v2Response());
const wellKnown = (resources: unknown[]) => discovery([doc('well-known', '/.well-known/x402', { resources })]);
const openApi = (info: Record<string, unknown>, path = '/weather') => discovery([doc('openapi', '/openapi.json', { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { [path]: { get: { 'x-payment-info': info } } } }), missing('well-known', '/.well-known/x402')]);

checkTester(agrees, {
  valid: [
    { name: 'a bare URL list: method and path', artifacts: { target: target(), challenge, discovery: wellKnown(['https://api.example.com/weather']) }, messageId: 'agrees', data: { pointer: 'resources[0]', method: 'any method', path: '/weather', fields: 'method, path' } },
    { name: 'x-payment-info USD price against USDC', artifacts: { target: target(), challenge, discovery: openApi({ pricingMode: 'fixed', price: '$0.01' }) }, messageId: 'agrees', data: expectFields('method, path, price') },
    { name: 'a price range that holds the price', artifacts: { target: target(), challenge, discovery: openApi({ pricingMode: 'range', minPrice: '0.001', maxPrice: '0.05' }) }, messageId: 'agrees' },
    { name: 'an object entry with payTo, network and atomic amount', artifacts: { target: target(), challenge, discovery: wellKnown([{ resource: '/weather', method: 'GET', accepts: [{ amount: '10000', payTo: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8', network: 'eip155:84532' }] }]) }, messageId: 'agrees', data: expectFields('method, path, network, payTo, price') },
    { name: 'another listed route compared with its own 402', artifacts: { target: target(), challenge, discovery: discovery([doc('well-known', '/.well-known/x402', { resources: [{ url: '/forecast', price: '0.01' }] })], [{ url: 'https://api.example.com/forecast', response: v2Response(v2PaymentRequired([v2Requirement()], { resource: { url: 'https://api.example.com/forecast' } })) }]) }, messageId: 'agrees' },
  ],
  invalid: [
    { name: 'a USD price the 402 does not ask', artifacts: { target: target(), challenge, discovery: openApi({ pricingMode: 'fixed', price: '0.001' }) }, status: 'fail', messageId: 'mismatch', data: expectField('price', '$0.001', '0.01 USDC') },
    { name: 'a payTo the 402 does not pay', artifacts: { target: target(), challenge, discovery: wellKnown([{ url: '/weather', payTo: OTHER_PAY_TO }]) }, status: 'fail', messageId: 'mismatch', data: expectField('payTo', OTHER_PAY_TO, 'payment to "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"') },
    { name: 'a network the 402 does not charge on', artifacts: { target: target(), challenge, discovery: wellKnown([{ url: '/weather', network: 'eip155:8453' }]) }, status: 'fail', messageId: 'mismatch' },
    { name: 'a listed path whose 402 names another resource', artifacts: { target: target(), challenge, discovery: discovery([doc('well-known', '/.well-known/x402', { resources: ['/forecast'] })], [{ url: 'https://api.example.com/forecast', response: v2Response() }]) }, status: 'fail', messageId: 'mismatch' },
  ],
  skip: [
    { name: 'no entries', artifacts: { target: target(), challenge, discovery: discovery([missing('well-known', '/.well-known/x402')]) }, messageId: 'noEntries' },
    { name: 'a templated path is not requested', artifacts: { target: target(), challenge, discovery: openApi({ price: '0.01' }, '/weather/{city}') }, messageId: 'notRequested' },
    { name: 'a listed route with no 402', artifacts: { target: target(), challenge, discovery: discovery([doc('well-known', '/.well-known/x402', { resources: ['/gone'] })], [{ url: 'https://api.example.com/gone', response: exchange({ status: 404 }) }]) }, messageId: 'no402' },
    { name: 'a USD price and a 402 in no stablecoin', artifacts: { target: target(), challenge: challengeOf(v2Response(v2PaymentRequired([v2Requirement({ asset: '0x0000000000000000000000000000000000000001' })]))), discovery: openApi({ price: '0.01' }) }, messageId: 'noUsdAsset' },
  ],
});

function expectFields(fields: string) {
  return { pointer: fields.includes('network') ? 'resources[0]' : OPENAPI_POINTER, method: 'GET', path: '/weather', fields };
}
function expectField(field: string, stated: string, charged: string) {
  const openapi = field === 'price';
  return { pointer: openapi ? OPENAPI_POINTER : 'resources[0]', document: openapi ? 'https://api.example.com/openapi.json' : 'https://api.example.com/.well-known/x402', field, stated, charged };
}
