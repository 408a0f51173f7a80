/** The engine's options are declared beside the gatherers that read them (gather/options.ts). */
export type { ProbeOptions, ProgressEvent } from '../gather/options.js';
