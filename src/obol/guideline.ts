/**
 * obol's monetize-guide pricing table (reference x402-now.md): a guideline by kind of service,
 * never a market price. Pure: no I/O.
 */
import type { SizeClassId } from './modelSize.js';

export type GuidelineId = 'llm-under-4b' | 'llm-4b-14b' | 'llm-over-14b' | 'data-api' | 'gpu-hour';

export interface Guideline {
  id: GuidelineId;
  /** What the row is for, as obol's table words it. */
  label: string;
  min: string;
  max: string;
  symbol: 'USDC';
  unit: 'request' | 'hour';
  /** Always says it: a guideline from obol's table, not what the market charges. */
  note: string;
}

const NOTE = "guideline from obol's monetize-guide table, not a market price";

export const GUIDELINES: Readonly<Record<GuidelineId, Guideline>> = {
  'llm-under-4b': { id: 'llm-under-4b', label: 'LLM < 4B', min: '0.0005', max: '0.002', symbol: 'USDC', unit: 'request', note: NOTE },
  'llm-4b-14b': { id: 'llm-4b-14b', label: 'LLM 4–14B', min: '0.001', max: '0.005', symbol: 'USDC', unit: 'request', note: NOTE },
  'llm-over-14b': { id: 'llm-over-14b', label: 'LLM > 14B', min: '0.005', max: '0.02', symbol: 'USDC', unit: 'request', note: NOTE },
  'data-api': { id: 'data-api', label: 'data API or indexer', min: '0.0001', max: '0.001', symbol: 'USDC', unit: 'request', note: NOTE },
  'gpu-hour': { id: 'gpu-hour', label: 'compute-heavy GPU hours', min: '0.10', max: '1.00', symbol: 'USDC', unit: 'hour', note: NOTE },
};

/** The row for a model of this size class; obol's table has one row for everything above 14B. */
export function guidelineForClass(sizeClass: SizeClassId): Guideline {
  if (sizeClass === 'under-4b') return GUIDELINES['llm-under-4b'];
  if (sizeClass === '4b-14b') return GUIDELINES['llm-4b-14b'];
  return GUIDELINES['llm-over-14b'];
}
