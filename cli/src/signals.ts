/**
 * Ctrl-C (SIGINT) and SIGTERM for a `leadloop` process, however it was started: the first
 * signal asks the run in progress to stop after the call in flight (it then saves its
 * checkpoint and exits 3); a signal that arrives before the run has started is remembered,
 * so the run stops at its first call. The same signal often arrives two or three times at
 * once (the terminal signals the whole process group, and npm and tsx forward it too), so
 * only a signal at least 2 s after the first forces an immediate exit (code 3, with the
 * checkpoint saved by the run's `force` handler).
 */
export type Signal = 'SIGINT' | 'SIGTERM';

interface Handlers {
    stop: (signal: Signal) => void;
    force?: () => void;
}

const SIGNALS: Signal[] = ['SIGINT', 'SIGTERM'];
const FORCE_AFTER_MS = 2000;

/**
 * One state per process, even if this module is loaded twice (the bin and the commands that
 * oclif loads can come from different module graphs, e.g. under a test runner).
 */
const state: {
    runs: Set<Handlers>;
    first: { signal: Signal; at: number } | null;
    listening: number;
    listener: (signal: Signal) => void;
} = ((globalThis as Record<symbol, unknown>)[Symbol.for('leadloop.signals')] ??= {
    runs: new Set(),
    first: null,
    listening: 0,
    listener: (signal: Signal) => interrupt(signal)
}) as never;

/** Delivers a signal as if the process had received it (also used for early signals). */
export function interrupt(signal: Signal): void {
    if (!state.first) {
        state.first = { signal, at: Date.now() };
        for (const run of state.runs) run.stop(signal);
        return;
    }
    if (Date.now() - state.first.at < FORCE_AFTER_MS) return;
    for (const run of state.runs) run.force?.();
    process.stderr.write('✖ Interrupted again: stopped at once.\n');
    process.exit(3);
}

/**
 * Registers the run in progress; `stop` is called at once if a signal came before.
 * Returns the function that unregisters it.
 */
export function onInterrupt(handlers: Handlers): () => void {
    state.runs.add(handlers);
    if (state.first) handlers.stop(state.first.signal);
    return () => state.runs.delete(handlers);
}

/**
 * Handles SIGINT and SIGTERM in this process until the returned function is called
 * (nested calls share one listener; when the last is released, a past signal is forgotten).
 */
export function listenForSignals(): () => void {
    if (state.listening++ === 0) for (const s of SIGNALS) process.on(s, state.listener);
    let released = false;
    return () => {
        if (released) return;
        released = true;
        if (--state.listening > 0) return;
        for (const s of SIGNALS) process.off(s, state.listener);
        state.first = null;
    };
}
