/**
 * Page timing the browser benches share: when the page first painted content
 * (first-contentful-paint, ms since navigation), read in the page.
 */
import type { Page } from 'playwright-core';

export function firstContentfulPaint(page: Page): Promise<number> {
    // FCP is recorded asynchronously: wait for the entry.
    return page.evaluate(
        () =>
            new Promise<number>((resolve) => {
                const found = performance.getEntriesByName('first-contentful-paint')[0];
                if (found) return resolve(found.startTime);
                new PerformanceObserver((list) => {
                    const e = list.getEntriesByName('first-contentful-paint')[0];
                    if (e) resolve(e.startTime);
                }).observe({ type: 'paint', buffered: true });
            })
    );
}
