#!/usr/bin/env node
// Rewrites src/protocol/x402DefaultAssets.ts from the installed @x402/evm's DEFAULT_ASSETS.
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_ASSETS } from '@x402/evm';

const path = new URL('../src/protocol/x402DefaultAssets.ts', import.meta.url);
const text = readFileSync(path, 'utf8');
const head = text.slice(0, text.indexOf('= {') + 3);
writeFileSync(path, `${head}${JSON.stringify(DEFAULT_ASSETS, null, 2).slice(1)};\n`);
