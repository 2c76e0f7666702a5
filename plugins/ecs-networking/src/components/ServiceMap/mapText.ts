/**
 * Text on the map: how large, and cut to what. Sizes are in screen pixels,
 * since that is what a person reads; a box in map units holds text up to
 * its size times the zoom, and text that would come out smaller than
 * MIN_TEXT_PX is left out.
 */

/** Below this size on screen, text is not drawn: it could not be read. */
export const MIN_TEXT_PX = 9;

export const ELLIPSIS = '…';

/**
 * The font size in pixels for text meant to be `px` pixels, in a box that
 * holds text up to `max` map units high, at zoom `k`; undefined when that
 * is too small to read.
 */
export function textSize(px: number, max: number, k: number): number | undefined {
  const size = Math.min(px, max * k);
  return size >= MIN_TEXT_PX ? size : undefined;
}

/**
 * `text`, or its longest start that fits `maxWidth` with an ellipsis, or ''
 * when not even the ellipsis fits. Cut between code points, so an emoji or
 * an astral character is never halved. Text squeezed to fit (canvas
 * fillText's maxWidth) would be unreadable; elided text reads, and the
 * whole name is in the tooltip, the details and the description.
 */
export function elide(text: string, maxWidth: number, widthOf: (text: string) => number): string {
  if (widthOf(text) <= maxWidth) return text;
  if (widthOf(ELLIPSIS) > maxWidth) return '';
  const chars = Array.from(text);
  // The longest prefix that fits: at least 0 characters, fewer than all.
  let fits = 0;
  let tooLong = chars.length;
  while (tooLong - fits > 1) {
    const mid = (fits + tooLong) >> 1;
    if (widthOf(cut(chars, mid)) <= maxWidth) fits = mid;
    else tooLong = mid;
  }
  return cut(chars, fits);
}

function cut(chars: string[], length: number): string {
  return `${chars.slice(0, length).join('').trimEnd()}${ELLIPSIS}`;
}

/** Size at which widths are measured; other sizes scale from it. */
const REFERENCE_PX = 100;
/** Enough for every name and its cut forms on a large estate, then start again. */
const CACHE_LIMIT = 50_000;

/** Room for text is kept to this fraction of an em, rounded down, so that cut text is kept too. */
const ROOM_STEP = 1 / 32;

/**
 * Text widths in one font family, measured once per text and weight at a
 * reference size and scaled: a frame of a large map asks for thousands.
 * Measured on a canvas of their own, one per weight, whose font is set
 * once: setting a context's font parses it, and costs more than measuring.
 * Text cut to fit is kept too, by the room it had in ems, since what fits
 * scales with the size. Sizes and widths in pixels.
 */
export class TextWidths {
  private readonly widths = new Map<string, number>();
  private readonly fitted = new Map<string, string>();
  private readonly measurers = new Map<string, CanvasRenderingContext2D>();

  constructor(
    readonly family: string,
    private readonly createContext = () => document.createElement('canvas').getContext('2d')!,
  ) {}

  private measurer(weight: string): CanvasRenderingContext2D {
    let ctx = this.measurers.get(weight);
    if (!ctx) {
      ctx = this.createContext();
      ctx.font = `${weight} ${REFERENCE_PX}px ${this.family}`;
      this.measurers.set(weight, ctx);
    }
    return ctx;
  }

  /** Width of `text` in `weight` at `size`. */
  width(text: string, weight: string, size: number): number {
    const key = `${weight}\u0000${text}`;
    let width = this.widths.get(key);
    if (width === undefined) {
      if (this.widths.size >= CACHE_LIMIT) this.widths.clear();
      width = this.measurer(weight).measureText(text).width;
      this.widths.set(key, width);
    }
    return (width * size) / REFERENCE_PX;
  }

  /** `text` elided to `maxWidth` in `weight` at `size`. */
  fit(text: string, maxWidth: number, weight: string, size: number): string {
    const steps = Math.floor(maxWidth / size / ROOM_STEP);
    const key = `${weight}\u0000${steps}\u0000${text}`;
    let fitted = this.fitted.get(key);
    if (fitted === undefined) {
      if (this.fitted.size >= CACHE_LIMIT) this.fitted.clear();
      fitted = elide(text, steps * ROOM_STEP * size, t => this.width(t, weight, size));
      this.fitted.set(key, fitted);
    }
    return fitted;
  }
}
