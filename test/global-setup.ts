/** Runs once around the whole vitest run. */
export default function setup(): void {}
