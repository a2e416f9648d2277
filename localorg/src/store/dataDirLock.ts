/**
 * One local org per data directory: `org.lock` holds the owner's process id,
 * created exclusively. A lock whose process is gone (a crash) is taken over;
 * a live one, even in this process, refuses the second org with a clear message.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/** Takes the directory's lock; answers the function that releases it. */
export function lockDataDir(dataDir: string): () => void {
    const file = path.join(dataDir, 'org.lock');
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            const fd = openSync(file, 'wx', 0o600);
            writeSync(fd, `${process.pid}\n`);
            closeSync(fd);
            return () => rmSync(file, { force: true });
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        let owner = NaN;
        try {
            owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
        } catch {
            // Removed meanwhile: try again.
        }
        if (Number.isInteger(owner) && owner > 0 && alive(owner))
            throw new Error(
                `Another local org (process ${owner}) already uses ${dataDir}: stop it, or pass --data-dir <another directory>.`
            );
        rmSync(file, { force: true });
    }
    throw new Error(`Could not lock ${dataDir} for the local org; try again.`);
}
