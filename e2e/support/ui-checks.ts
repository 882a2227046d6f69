// Checks every page of the visual pass gets: no sideways scroll, nothing in the console (which
// includes CSP violations: Chromium logs each refused script or eval as a console error), and
// axe without serious or critical findings.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Starts collecting console errors, page errors and CSP violations; read them with the result. */
export function watchConsole(page: Page): { problems: string[] } {
  const state = { problems: [] as string[] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // A deliberate 404 page logs its own status as a failed resource; nothing else may fail.
    if (/Failed to load resource: the server responded with a status of 404/.test(text) && message.location().url.includes('/no-such-page')) return;
    state.problems.push(`console: ${text}`);
  });
  page.on('pageerror', (error) => state.problems.push(`page error: ${error.message}`));
  return state;
}

/** Listens for securitypolicyviolation in the page (the console also shows them; this names them). */
export async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
}

export async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `${what} scrolls sideways (${scrollWidth} > ${clientWidth})`).toBeLessThanOrEqual(clientWidth);
}

/**
 * Every picture on the page loads, the lazy ones below the first screen too (they are loaded
 * now): a phone's full-page screenshot would otherwise show them as empty frames.
 */
export async function expectEveryImageLoaded(page: Page, what: string): Promise<void> {
  const failed = await page.evaluate(async () => {
    const images = [...document.images];
    for (const image of images) image.loading = 'eager';
    await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
    return images.filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.currentSrc || image.src);
  });
  expect(failed, `pictures that did not load on ${what}`).toEqual([]);
}

export async function expectNoSeriousAxeViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${what}`,
  ).toEqual([]);
}
