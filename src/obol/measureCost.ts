/** A measured generation turned into the seller's cost floor (or the finding that stopped it). */
import { costFloor, type CostFloor } from './costFloor.js';
import type { Measurement } from './measurement.js';
import { measureGeneration, type MeasureGenerationParameters } from './measureGeneration.js';

export interface CostInputs {
  watts: string;
  energyPrice: string;
  tokensPerRequest: number;
}

export interface MeasureCostParameters extends MeasureGenerationParameters, CostInputs {}

export async function measureCost(params: MeasureCostParameters): Promise<{ measurement: Measurement; floor: CostFloor | null }> {
  const measurement = await measureGeneration(params);
  if (!measurement.ok) return { measurement, floor: null };
  return { measurement, floor: costFloor({ tokens: measurement.tokens, durationNs: measurement.durationNs, watts: params.watts, energyPrice: params.energyPrice, tokensPerRequest: params.tokensPerRequest }) };
}
