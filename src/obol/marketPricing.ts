/**
 * Pricing research for one candidate, from three things: what comparable services charge (the
 * market band, overall and for the candidate's size class), what models of this size usually cost
 * (obol's guideline table) and what a request costs this machine (the cost floor). It recommends;
 * it never sets a price, and it never recommends below the floor. No I/O: it judges a market scan.
 */
import { bandOf, type MarketService } from '../registry/market.js';
import type { PriceBand } from '../registry/marketStats.js';
import { type CostFloor, decimalBelow, decimalMax, decimalMidpoint } from './costFloor.js';
import { GUIDELINES, guidelineForClass, type Guideline } from './guideline.js';
import type { Measurement } from './measurement.js';
import { modelParameterSize, type ParameterSize, parameterSizeFromName, SIZE_CLASSES, type SizeClassId, sizeClassOf } from './modelSize.js';

/** A band resting on fewer services than this is thin: the guideline and the floor decide. */
export const THIN_CLASS = 3;

export interface ClassBand {
  id: SizeClassId;
  label: string;
  /** Priced services in the class. */
  count: number;
  band: PriceBand | null;
}

export interface PriceRecommendation {
  /** What the three candidates come from. */
  basis: 'class-band' | 'market-band' | 'guideline' | 'floor';
  low: string;
  median: string;
  high: string;
  symbol: string;
  /** True when a candidate was raised to the cost floor. */
  raisedToFloor: boolean;
}

export interface PriceResearch {
  /** What is priced: a model (inference) or an HTTP service. */
  type: 'inference' | 'http';
  candidate: { model: string | null; parameterSize: ParameterSize | null; sizeClass: SizeClassId | null; sizeClassLabel: string | null };
  classes: ClassBand[];
  /** Priced services whose size could not be told. */
  unsizedCount: number;
  /** The band of the candidate's size class (null without a class or a priced service in it). */
  classBand: PriceBand | null;
  /** The class band rests on fewer than THIN_CLASS services (or there is no class to compare in). */
  thin: boolean;
  /** obol's table row for the candidate: labelled a guideline, never a market price. */
  guideline: Guideline | null;
  /** The hourly row, for a per-hour price (inference only). */
  gpuHourGuideline: Guideline | null;
  measurement: Measurement | null;
  floor: CostFloor | null;
  /** The market band used (class band, else overall) lies below the floor: q3 < floor. Null without both. */
  belowFloor: boolean | null;
  recommendation: PriceRecommendation | null;
}

export interface PriceResearchParameters {
  services: readonly MarketService[];
  band: PriceBand | null;
  type: 'inference' | 'http';
  /** The candidate model, and its size when known otherwise (--size). */
  model?: string | null;
  size?: ParameterSize | null;
  measurement?: Measurement | null;
  floor?: CostFloor | null;
}

/** A comparable service's size: its model name, then its declared size, then its service or agent name. */
export function serviceParameterSize(service: MarketService): ParameterSize | null {
  return (
    parameterSizeFromName(service.model) ??
    modelParameterSize(service.parameterSize, service.parameterSize) ??
    parameterSizeFromName(service.service) ??
    parameterSizeFromName(service.agentName)
  );
}

export function serviceSizeClass(service: MarketService): SizeClassId | null {
  if (service.type !== 'inference') return null;
  const size = serviceParameterSize(service);
  return size ? sizeClassOf(size.billions).id : null;
}

function raise(value: string, floor: CostFloor | null): { value: string; raised: boolean } {
  if (!floor || !decimalBelow(value, floor.perRequest)) return { value, raised: false };
  return { value: floor.perRequest, raised: true };
}

export function priceResearch(params: PriceResearchParameters): PriceResearch {
  const floor = params.floor ?? null;
  const priced = params.services.filter((s) => s.status === 'priced');
  const size = params.size ?? parameterSizeFromName(params.model) ?? null;
  const sizeClass = params.type === 'inference' && size ? sizeClassOf(size.billions) : null;
  const byClass = new Map<SizeClassId | null, MarketService[]>();
  for (const s of priced) {
    const id = serviceSizeClass(s);
    byClass.set(id, [...(byClass.get(id) ?? []), s]);
  }
  const classes = SIZE_CLASSES.map((c) => {
    const members = byClass.get(c.id) ?? [];
    return { id: c.id, label: c.label, count: members.length, band: bandOf(members, (s) => s.perRequest) };
  });
  const unsizedCount = priced.filter((s) => s.type === 'inference' && serviceSizeClass(s) === null).length;
  const classBand = sizeClass ? (classes.find((c) => c.id === sizeClass.id)?.band ?? null) : null;
  const thin = !classBand || classBand.count < THIN_CLASS;
  const guideline = params.type === 'http' ? GUIDELINES['data-api'] : sizeClass ? guidelineForClass(sizeClass.id) : null;
  const reference = classBand ?? params.band;
  const belowFloor = floor && reference ? decimalBelow(reference.q3, floor.perRequest) : null;

  let base: Omit<PriceRecommendation, 'raisedToFloor'> | null = null;
  const fromBand = (b: PriceBand, basis: PriceRecommendation['basis']) => ({ basis, low: b.q1, median: b.median, high: b.q3, symbol: b.symbol });
  if (classBand && !thin) base = fromBand(classBand, 'class-band');
  else if (!sizeClass && params.band && params.band.count >= THIN_CLASS) base = fromBand(params.band, 'market-band');
  else if (guideline) base = { basis: 'guideline', low: guideline.min, median: decimalMidpoint(guideline.min, guideline.max), high: guideline.max, symbol: guideline.symbol };
  else if (params.band) base = fromBand(params.band, 'market-band');
  else if (floor) base = { basis: 'floor', low: floor.perRequest, median: floor.perRequest, high: floor.perRequest, symbol: 'USDC' };

  let recommendation: PriceRecommendation | null = null;
  if (base) {
    const [low, median, high] = [base.low, base.median, base.high].map((v) => raise(v, floor));
    recommendation = { ...base, low: low.value, median: decimalMax(median.value, low.value), high: decimalMax(high.value, median.value), raisedToFloor: low.raised || median.raised || high.raised };
  }
  return {
    type: params.type,
    candidate: { model: params.model ?? null, parameterSize: size, sizeClass: sizeClass?.id ?? null, sizeClassLabel: sizeClass?.label ?? null },
    classes,
    unsizedCount,
    classBand,
    thin,
    guideline,
    gpuHourGuideline: params.type === 'inference' ? GUIDELINES['gpu-hour'] : null,
    measurement: params.measurement ?? null,
    floor,
    belowFloor,
    recommendation,
  };
}
