/**
 * `npm run preview:browser`: builds the app and serves it with the preview org
 * (in-memory demo data, see browser/e2e/previewOrg.ts) on 127.0.0.1 until Ctrl-C.
 * PORT=5173 picks the port (default: a free one).
 */
import { startPreviewOrg } from './e2e/previewOrg';

const org = await startPreviewOrg({ port: Number(process.env.PORT ?? 0) });
console.log(`Lead Loop (preview org, demo data): ${org.url}/`);
const stop = () => {
    org.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
