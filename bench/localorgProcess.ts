/**
 * Runs a local org in its own process for the benchmark, so its memory is
 * measured apart from the client's: prints one JSON line with the connection,
 * then serves until killed. Usage: tsx bench/localorgProcess.ts <dataDir>
 */
import { startLocalOrg } from '../localorg/src/index';

const org = await startLocalOrg({ dataDir: process.argv[2], dailyApiLimit: 10_000_000 });
console.log(
    JSON.stringify({ instanceUrl: org.instanceUrl, accessToken: org.accessToken, pid: process.pid })
);
process.on('SIGTERM', () => {
    org.close().then(() => process.exit(0));
});
