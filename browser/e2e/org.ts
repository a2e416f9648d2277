/**
 * The org the journeys, screenshots and benchmark run against: the preview org
 * (browser/e2e/previewOrg.ts: the local org's GraphQL + UI API routes over an
 * in-memory store with the package's schema and seeded, scored demo data).
 */
import { startPreviewOrg, type BrowserOrg } from './previewOrg';

export type { BrowserOrg };

export async function startBrowserOrg(): Promise<BrowserOrg> {
    return startPreviewOrg({ now: new Date() });
}
