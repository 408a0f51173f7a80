/**
 * The pure modules of registry/ and obol/: their domain's semantics (ERC-8004 registration files, agent refs,
 * endpoints, prices; obol's pricing, conditions, expectations), which checks judge with. They do
 * no I/O (test/checks-purity.test.ts holds them to the checks' rules) and import only pure layers.
 */
export const PURE_DOMAIN_MODULES = [
  'registry/abi',
  'registry/agentRef',
  'registry/endpoints',
  'registry/prices',
  'registry/validateRegistrationFile',
  'obol/conditions',
  'obol/expectations',
  'obol/pricing',
  'obol/modelSize',
  'obol/guideline',
  'obol/costFloor',
  'obol/measurement',
];
