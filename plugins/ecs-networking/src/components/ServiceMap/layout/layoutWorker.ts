/// <reference lib="webworker" />
import type { LayoutReply, LayoutRequest } from './layoutProtocol';
import { createLayoutRunner } from './layoutRun';

/**
 * The layout worker's entry. It is bundled into `layoutWorkerSource.ts`
 * (`node scripts/build-layout-worker.js`), and started from that text.
 */
declare const self: DedicatedWorkerGlobalScope;

const run = createLayoutRunner((reply: LayoutReply) => self.postMessage(reply));
self.onmessage = (event: MessageEvent<LayoutRequest>) => run(event.data);
