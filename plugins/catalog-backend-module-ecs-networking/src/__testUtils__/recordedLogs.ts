import { coreServices, createServiceFactory, RootLoggerService } from '@backstage/backend-plugin-api';

const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 } as const;
type Level = keyof typeof LEVELS;
type Labels = Parameters<RootLoggerService['child']>[0];
type Meta = Parameters<RootLoggerService['info']>[1];

/**
 * A root logger that keeps every line in memory instead of writing through
 * the console. Backstage's scheduler lets task workers finish after
 * `backend.stop()` has returned; their last lines then land here rather than
 * on a console jest has already closed ("Cannot log after tests are done").
 */
class RecordingLogger implements RootLoggerService {
  constructor(
    private readonly level: Level,
    private readonly labels: Labels,
    private readonly lines: string[],
  ) {}

  error(message: string, meta?: Meta) {
    this.record('error', message, meta);
  }
  warn(message: string, meta?: Meta) {
    this.record('warn', message, meta);
  }
  info(message: string, meta?: Meta) {
    this.record('info', message, meta);
  }
  debug(message: string, meta?: Meta) {
    this.record('debug', message, meta);
  }
  child(meta: Labels): RecordingLogger {
    return new RecordingLogger(this.level, { ...this.labels, ...meta }, this.lines);
  }

  private record(level: Level, message: string, meta?: Meta) {
    if (LEVELS[level] > LEVELS[this.level]) return;
    const labels = Object.entries(this.labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(',');
    // The whole line, metadata included, so that a test can check that a
    // secret appears nowhere.
    const extra = meta instanceof Error ? String(meta) : JSON.stringify(meta ?? {});
    this.lines.push(`${level} ${labels} ${message} ${extra}`);
  }
}

/** Every line the backend logs at `level` or above, and the service factory that records them. */
export function recordedLogs(level: Level) {
  const lines: string[] = [];
  const factory = createServiceFactory({
    service: coreServices.rootLogger,
    deps: {},
    factory: () => new RecordingLogger(level, {}, lines),
  });
  return { lines, factory };
}
