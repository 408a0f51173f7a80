export const REPORTERS = ['pretty', 'json', 'junit', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];
