#!/usr/bin/env node
// Reproduces contracts/artifacts/IdentityRegistry.json from contracts/src/IdentityRegistry.sol with
// solc-js 0.8.37 and OpenZeppelin 5.7.0 (both devDependencies), offline.
//   node contracts/scripts/compile-registry.mjs          write the artifact
//   node contracts/scripts/compile-registry.mjs --check  exit 1 when the committed artifact differs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sourcePath = 'contracts/src/IdentityRegistry.sol';
const artifactPath = join(root, 'contracts/artifacts/IdentityRegistry.json');

/** Settings are part of the artifact so that a reader knows how the bytecode was made. */
export const settings = {
  evmVersion: 'cancun',
  optimizer: { enabled: true, runs: 200 },
  // Metadata hashes embed absolute paths of nothing here, but drop them anyway: the artifact must be byte-stable.
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: { '*': { IdentityRegistry: ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object', 'evm.methodIdentifiers'] } },
};

function findImports(path) {
  try {
    return { contents: readFileSync(require.resolve(path), 'utf8') };
  } catch {
    return { error: `not found: ${path}` };
  }
}

export function compileRegistry() {
  const solc = require('solc');
  const input = { language: 'Solidity', sources: { [sourcePath]: { content: readFileSync(join(root, sourcePath), 'utf8') } }, settings };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const contract = output.contracts[sourcePath].IdentityRegistry;
  const artifact = {
    contractName: 'IdentityRegistry',
    sourceName: sourcePath,
    compiler: { solc: solc.version(), openzeppelin: require('@openzeppelin/contracts/package.json').version, settings: { evmVersion: settings.evmVersion, optimizer: settings.optimizer, metadata: settings.metadata } },
    abi: contract.abi,
    methodIdentifiers: contract.evm.methodIdentifiers,
    bytecode: `0x${contract.evm.bytecode.object}`,
    deployedBytecode: `0x${contract.evm.deployedBytecode.object}`,
  };
  return `${JSON.stringify(artifact, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = compileRegistry();
  if (process.argv.includes('--check')) {
    const same = readFileSync(artifactPath, 'utf8') === text;
    process.stdout.write(same ? 'IdentityRegistry artifact is up to date\n' : 'IdentityRegistry artifact differs: run node contracts/scripts/compile-registry.mjs\n');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(artifactPath, text);
    process.stdout.write(`wrote ${artifactPath}\n`);
  }
}
