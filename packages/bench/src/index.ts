/**
 * Benchmarks for ECS Networking; `npm run bench` runs them.
 *
 * @packageDocumentation
 */
export { runBench, formatResults } from './runBench';
export type { BenchResults } from './runBench';
