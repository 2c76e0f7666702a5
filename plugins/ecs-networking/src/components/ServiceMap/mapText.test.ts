import { elide, ELLIPSIS, MIN_TEXT_PX, textSize, TextWidths } from './mapText';

/** Every character 10 wide, the ellipsis too. */
const tenEach = (text: string) => Array.from(text).length * 10;

describe('elide', () => {
  it('keeps text that fits', () => {
    expect(elide('order-service', 130, tenEach)).toBe('order-service');
  });

  it('cuts text that does not fit to its longest start that fits with an ellipsis', () => {
    const cut = elide('sc.local · 111111111111 / eu-west-1', 100, tenEach);
    expect(cut).toBe(`sc.local${ELLIPSIS}`);
    expect(tenEach(cut)).toBeLessThanOrEqual(100);
    // One character more would not fit.
    expect(tenEach(`sc.local ·${ELLIPSIS}`)).toBeGreaterThan(100);
  });

  it('leaves no space before the ellipsis', () => {
    expect(elide('ab cd', 40, tenEach)).toBe(`ab${ELLIPSIS}`);
  });

  it('gives nothing when not even the ellipsis fits', () => {
    expect(elide('order-service', 9, tenEach)).toBe('');
  });

  it('never cuts a character in half', () => {
    expect(elide('🚀🚀🚀🚀', 30, tenEach)).toBe(`🚀🚀${ELLIPSIS}`);
  });

  it('measures what it returns with the width it was given, not a squeezed one', () => {
    const wide = (text: string) => text.length * 7;
    for (const max of [20, 55, 90, 200]) {
      expect(wide(elide('payment-service-with-a-long-name', max, wide))).toBeLessThanOrEqual(max);
    }
  });
});

describe('textSize', () => {
  it('keeps text its size on screen as the map zooms, down to what its box holds', () => {
    expect(textSize(11, 22, 1)).toBe(11);
    expect(textSize(11, 22, 2)).toBe(11);
    // Zoomed out, the box holds less than the size asked for.
    expect(textSize(11, 22, 0.45)).toBeCloseTo(9.9);
  });

  it('leaves out text that would come out too small to read', () => {
    expect(textSize(11, 22, MIN_TEXT_PX / 22)).toBe(MIN_TEXT_PX);
    expect(textSize(11, 22, MIN_TEXT_PX / 22 - 0.01)).toBeUndefined();
  });
});

describe('TextWidths', () => {
  it('measures a text once per weight, at any size, each weight on a canvas of its own', () => {
    const measured: string[] = [];
    const contexts: Array<{ font: string }> = [];
    const widths = new TextWidths('Roboto', () => {
      const ctx = {
        font: '10px sans-serif',
        measureText(text: string) {
          measured.push(`${ctx.font}|${text}`);
          return { width: text.length * 50 };
        },
      };
      contexts.push(ctx);
      return ctx as unknown as CanvasRenderingContext2D;
    });
    expect(widths.width('abcd', 'normal', 10)).toBe(20);
    expect(widths.width('abcd', 'normal', 20)).toBe(40);
    expect(widths.width('abcd', '600', 10)).toBe(20);
    expect(widths.width('ab', 'normal', 10)).toBe(10);
    expect(measured).toEqual(['normal 100px Roboto|abcd', '600 100px Roboto|abcd', 'normal 100px Roboto|ab']);
    expect(contexts).toHaveLength(2);
  });

  it('cuts a text once per room in ems, whatever the size, and never wider than the room', () => {
    const measured: string[] = [];
    const widths = new TextWidths('Roboto', () => {
      const ctx = {
        font: '',
        measureText(text: string) {
          measured.push(text);
          return { width: Array.from(text).length * 50 };
        },
      };
      return ctx as unknown as CanvasRenderingContext2D;
    });
    const cut = widths.fit('payment-service', 42, 'normal', 10);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    expect(widths.width(cut, 'normal', 10)).toBeLessThanOrEqual(42);
    const measures = measured.length;
    // Twice the size in twice the room: the same cut, nothing measured again.
    expect(widths.fit('payment-service', 84, 'normal', 20)).toBe(cut);
    expect(measured).toHaveLength(measures);
  });
});
