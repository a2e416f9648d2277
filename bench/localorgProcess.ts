/**
 * Runs a local org in its own process for the benchmarks, so its memory is
 * measured apart from the client's: prints one JSON line with the connection,
 * then serves until killed. With `--seed-demo N` it first does what the first
 * `npm start` does after its builds (start the org on a new data directory,
 * seed and score N demo leads through the CLI's seed code over jsforce) and
 * adds the time each step took.
 *
 *   tsx bench/localorgProcess.ts <dataDir> [--seed-demo N]
 */
import { startLocalOrg } from '../localorg/src/index';
import { seedDemoIfEmpty } from '../scripts/seedDemo';

const seedAt = process.argv.indexOf('--seed-demo');
const seedLeads = seedAt > 0 ? Number(process.argv[seedAt + 1]) : 0;
let t = performance.now();
const org = await startLocalOrg({ dataDir: process.argv[2], dailyApiLimit: 10_000_000 });
const startMs = performance.now() - t;
t = performance.now();
const cpu = process.cpuUsage();
if (seedLeads) await seedDemoIfEmpty(org, { leads: seedLeads });
const seedMs = performance.now() - t;
// The process's CPU time (org and seeding client both): what the seed costs whatever the load.
const used = process.cpuUsage(cpu);
const seedCpuMs = (used.user + used.system) / 1000;
console.log(
    JSON.stringify({
        instanceUrl: org.instanceUrl,
        accessToken: org.accessToken,
        pid: process.pid,
        ...(seedLeads ? { startMs, seedMs, seedCpuMs } : {})
    })
);
process.on('SIGTERM', () => {
    org.close().then(() => process.exit(0));
});
