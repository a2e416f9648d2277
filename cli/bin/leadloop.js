#!/usr/bin/env node
// The `leadloop` command (also `npm run leadloop`): runs the TypeScript CLI (cli/src/bin.ts)
// through tsx in this process. Ctrl-C/SIGTERM while it loads are kept and handed to the run,
// which then stops cleanly at its first call (exit 3) instead of dying mid-start.
import { fileURLToPath } from 'node:url';

const early = [];
const keep = (signal) => early.push(signal);
process.on('SIGINT', keep);
process.on('SIGTERM', keep);
const { register } = await import('tsx/esm/api');
register();
const { main } = await import(fileURLToPath(new URL('../src/bin.ts', import.meta.url)));
process.off('SIGINT', keep);
process.off('SIGTERM', keep);
process.exitCode = await main(process.argv.slice(2), early);
