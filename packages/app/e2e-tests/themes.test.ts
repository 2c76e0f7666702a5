import { expect, Page, test } from '@playwright/test';
import { SHOTS, signIn } from './portal';

/** Relative luminance (0 black … 1 white) of a CSS `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Colours a person sees for a piece of text: its own, and its card's background. */
async function colours(page: Page, text: string) {
  return page.getByText(text, { exact: true }).first().evaluate(element => {
    let card: Element | null = element;
    while (card && !card.classList.contains('MuiCard-root')) card = card.parentElement;
    return {
      text: getComputedStyle(element).color,
      background: getComputedStyle(card ?? document.body).backgroundColor,
    };
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the plugin's pages follow the ${theme} theme`, async ({ page }) => {
    await page.addInitScript(id => window.localStorage.setItem('theme', id), theme);
    // Signing in must finish before leaving the page, or the guest session is lost.
    await signIn(page);

    await page.goto('/catalog/default/resource/order-service-shop-euw1-1111/ecs-networking');
    await expect(page.getByText('Neighbourhood of order-service')).toBeVisible();
    await expect(page.getByText('healthy').first()).toBeVisible();
    const tab = await colours(page, 'Running tasks');
    await page.screenshot({ path: `${SHOTS}/service-network-tab-${theme}.png`, fullPage: true });

    await page.goto('/ecs-networking');
    await expect(page.getByText('Ownership lookup')).toBeVisible();
    const network = await colours(page, 'Ownership lookup');
    await page.screenshot({ path: `${SHOTS}/network-page-${theme}.png`, fullPage: true });

    for (const { text, background } of [tab, network]) {
      // Dark cards with light text in the dark theme, the reverse in light,
      // and always readable: WCAG contrast of at least 4.5:1.
      expect(luminance(background) < 0.2).toBe(theme === 'dark');
      const [lighter, darker] = [luminance(text), luminance(background)].sort((a, b) => b - a);
      expect((lighter + 0.05) / (darker + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
}
