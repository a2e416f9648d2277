/**
 * Per-target state in `.leadloop/state/<target>.json`: the score watermark
 * (for incremental runs), what `seed` loaded, and the checkpoint of a run that
 * stopped early (so `--resume` continues it). Written atomically.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Checkpoint {
    command: 'score' | 'seed' | 'sync';
    /** When the stopped run started (ISO). */
    startedAt: string;
    reason: string;
    /** Score: the run's options and the last lead done. */
    full?: boolean;
    since?: string | null;
    now?: string;
    lastId?: string | null;
    /** Seed: the data set's options. */
    seed?: number;
    leads?: number;
}

export interface TargetState {
    score?: { watermark: string; modelVersion: number; at: string };
    seed?: { seed: number; leads: number; now: string };
    checkpoint?: Checkpoint;
}

export function stateFile(root: string, target: string): string {
    return path.join(root, '.leadloop', 'state', `${target}.json`);
}

export function readState(root: string, target: string): TargetState {
    const file = stateFile(root, target);
    if (!existsSync(file)) return {};
    try {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
        return parsed && typeof parsed === 'object' ? (parsed as TargetState) : {};
    } catch {
        throw new Error(`${file} is not valid JSON: fix or delete it.`);
    }
}

export function writeState(root: string, target: string, state: TargetState): void {
    const file = stateFile(root, target);
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n');
    renameSync(tmp, file);
}
