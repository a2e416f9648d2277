#!/usr/bin/env node
// The `leadloop` command: runs the TypeScript CLI (cli/src/bin.ts) through tsx.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { run } = await import(fileURLToPath(new URL('../src/bin.ts', import.meta.url)));
process.exitCode = await run(process.argv.slice(2));
