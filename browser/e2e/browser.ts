/**
 * Headless Debian Chromium through playwright-core, with what every journey
 * checks: console errors and an axe-core scan (no serious/critical violations).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const AXE_PATH = path.join(root, 'node_modules/axe-core/axe.min.js');

export function chromiumPath(): string {
    const candidates = [
        process.env.CHROMIUM_PATH,
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser'
    ];
    const found = candidates.find((c) => c && existsSync(c));
    if (!found) {
        throw new Error(
            'Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.'
        );
    }
    return found;
}

export interface Session {
    browser: Browser;
    context: BrowserContext;
    page: Page;
    consoleErrors: string[];
    close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1280, height: 900 }): Promise<Session> {
    // playwright-core gives each launch a fresh temporary profile (user-data-dir).
    const browser = await chromium.launch({
        executablePath: chromiumPath(),
        args: [
            '--headless=new',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run'
        ]
    });
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    return {
        browser,
        context,
        page,
        consoleErrors,
        async close() {
            await browser.close();
        }
    };
}

export interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: string[];
}

/** Runs axe-core on the page; answers the serious and critical violations. */
export async function axeScan(page: Page): Promise<AxeViolation[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_PATH });
    return page.evaluate(async () => {
        const axe = (
            window as unknown as {
                axe: {
                    run: (
                        c: unknown,
                        o: unknown
                    ) => Promise<{
                        violations: {
                            id: string;
                            impact: string | null;
                            help: string;
                            nodes: { target: unknown[] }[];
                        }[];
                    }>;
                };
            }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => JSON.stringify(n.target))
            }));
    });
}

/** Signs in the way a person does: the login URL `npm start` prints sets the session cookie. */
export async function signIn(
    session: Session,
    org: { url: string; accessToken: string }
): Promise<void> {
    const res = await session.page.goto(
        `${org.url}/login?token=${encodeURIComponent(org.accessToken)}`
    );
    if (!res || !res.ok())
        throw new Error(`Sign-in to the local org failed (HTTP ${res?.status()}).`);
}
