/**
 * `leadloop`: the standalone bin over the oclif commands in `cli/src/commands/leadloop/`
 * (the same commands install as an sf CLI plugin: `sf leadloop score -o prod`). It maps
 * `leadloop score …` to the command `leadloop:score`, runs it in this process and resolves
 * to its exit code (README.md "The CLI": 0 ok · 1 failed · 2 bad flags · 3 stopped).
 */
import { Config, loadHelpClass, toConfiguredId, type Command } from '@oclif/core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reduceErrors } from '../../core/src/index';
import { PROJECT_ROOT, type LeadloopCommand, type RunIo } from './command';
import { EXIT } from './output';
import { interrupt, listenForSignals, type Signal } from './signals';

export { EXIT } from './output';
export { PROJECT_ROOT, type RunIo } from './command';

/** The topic every command sits under (so that `sf leadloop …` is the plugin's namespace). */
const TOPIC = 'leadloop';

let loaded: Promise<Config> | undefined;

/**
 * The oclif configuration of this project (package.json `oclif`), loaded once. The
 * commands are TypeScript: tsx's loader is registered first (oclif's own attempt resolves
 * tsx's CommonJS entry, which cannot register the ESM loader).
 */
export function loadConfig(): Promise<Config> {
    loaded ??= (async () => {
        const { register } = await import('tsx/esm/api');
        register();
        return Config.load({ root: PROJECT_ROOT });
    })();
    return loaded;
}

const FOOTER = `Exit codes: 0 ok · 1 failed (or some records failed: see the report file) · 2 bad flags · 3 stopped early (run again with --resume)`;

/** The longest run of leading words of `argv` that names a command: its id and the rest. */
function findCommand(config: Config, argv: string[]): { id: string; rest: string[] } | null {
    for (let n = Math.min(argv.length, 3); n >= 1; n--) {
        const words = argv.slice(0, n);
        if (words.some((w) => w.startsWith('-'))) continue;
        const id = [TOPIC, ...words].join(':');
        if (config.findCommand(id)) return { id, rest: argv.slice(n) };
    }
    return null;
}

/** Help as the standalone bin shows it: `leadloop score`, not `leadloop leadloop score`. */
async function showHelp(config: Config, id: string | null, print: (t: string) => void) {
    const Help = await loadHelpClass(config);
    const help = new Help(config, { stripAnsi: true });
    const bin = config.bin;
    const standalone = (cmdId: string) => cmdId.replace(new RegExp(`^${TOPIC}:`), '');
    const log = (...args: string[]) => print(args.join(' '));
    (help as unknown as { log: typeof log }).log = log;
    if (id) {
        const cmd = config.findCommand(id)!;
        await help.showCommandHelp({ ...cmd, id: standalone(cmd.id) } as Command.Loadable, []);
        return;
    }
    const commands = config.commands.filter((c) => c.id.startsWith(`${TOPIC}:`) && !c.hidden);
    const width = Math.max(...commands.map((c) => toConfiguredId(standalone(c.id), config).length));
    print(
        [
            'Lead Loop: seed, score, sync and check Salesforce orgs (or the local org).',
            '',
            'USAGE',
            `  $ ${bin} COMMAND [FLAGS]`,
            '',
            'COMMANDS',
            ...commands.map(
                (c) =>
                    `  ${toConfiguredId(standalone(c.id), config).padEnd(width)}  ${c.summary ?? ''}`
            ),
            '',
            `Run ${bin} COMMAND --help for a command's flags and examples.`,
            FOOTER
        ].join('\n')
    );
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function run(argv: string[], io: RunIo = {}): Promise<number> {
    const print = io.out ?? ((t: string) => process.stdout.write(t + '\n'));
    const printErr = io.err ?? ((t: string) => process.stderr.write(t + '\n'));
    const config = await loadConfig();
    const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');
    if (argv.length === 0 || argv[0] === 'help' || (wantsHelp(argv) && argv[0].startsWith('-'))) {
        await showHelp(config, null, print);
        return EXIT.ok;
    }
    const found = findCommand(config, argv);
    if (!found) {
        const message = `Unknown command: ${argv.filter((a) => !a.startsWith('-')).join(' ')}. Run ${config.bin} --help for the commands.`;
        if (argv.includes('--json')) {
            print(
                JSON.stringify(
                    { status: EXIT.usage, name: 'BAD_FLAG', message, warnings: [] },
                    null,
                    2
                )
            );
        } else {
            printErr(`✖ ${message}`);
        }
        return EXIT.usage;
    }
    if (wantsHelp(found.rest)) {
        await showHelp(config, found.id, print);
        return EXIT.ok;
    }
    const CommandClass = (await config.findCommand(found.id)!.load()) as unknown as new (
        argv: string[],
        config: Config
    ) => LeadloopCommand;
    const command = new CommandClass(found.rest, config);
    return command.runEmbedded(io);
}

/**
 * The `leadloop` process: handles SIGINT/SIGTERM from the start (`early` are signals that
 * arrived while the bin was still loading), runs the command, resolves to its exit code.
 */
export async function main(argv: string[], early: Signal[] = []): Promise<number> {
    const release = listenForSignals();
    for (const signal of early) interrupt(signal);
    try {
        return await run(argv);
    } catch (e) {
        process.stderr.write(`✖ ${reduceErrors(e).join('\n') || 'Unknown error'}\n`);
        return EXIT.failed;
    } finally {
        release();
    }
}

// `tsx cli/src/bin.ts …` (cli/bin/leadloop.js imports this module and calls main itself).
const invokedDirectly =
    process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
    main(process.argv.slice(2)).then((code) => process.exit(code));
}
