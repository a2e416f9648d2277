import { Flags } from '@oclif/core';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../command';
import { orgFlags, nowFlag, resumeFlag } from '../../flags';
import { table, type Outcome } from '../../output';
import { scoreOrg } from '../../score';
import { readState, writeState, type Checkpoint } from '../../state';
import { UserError, type StopError } from '../../api/index';
import type { Target } from '../../target';

export default class Score extends OrgCommand {
    static summary = 'Rescore leads with the active scoring model.';
    static description =
        'Incremental since the last run (by SystemModstamp of leads and their tasks, events and campaign members) or --full. Writes only the leads whose stored score would change, and only the score fields. A run that stops (API limit, --max-api-calls, Ctrl-C) saves a checkpoint: run again with --resume.';
    static examples = [
        '<%= config.bin %> <%= command.id %> --target-org local',
        '<%= config.bin %> <%= command.id %> --target-org local --full --dry-run',
        '<%= config.bin %> <%= command.id %> -o prod --full --bulk-threshold 5000 --max-api-calls 500',
        '<%= config.bin %> <%= command.id %> -o prod --resume'
    ];
    static flags = {
        ...orgFlags,
        full: Flags.boolean({ summary: 'Rescore every open lead.', default: false }),
        resume: resumeFlag('Continue a run that stopped (skips leads already done).', ['full']),
        now: nowFlag('The scoring clock.')
    };

    private checkpoint?: Checkpoint;

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const { api, target, dryRun, bulkThreshold } = ctx;
        const f = ctx.flags as FlagsOf<typeof Score>;
        const state = readState(this.root, target.name);
        if (f.resume) {
            if (state.checkpoint?.command !== 'score') {
                throw new UserError(`Nothing to resume: no stopped score run for ${target.name}.`);
            }
            this.checkpoint = { ...state.checkpoint };
        } else {
            this.checkpoint = {
                command: 'score',
                startedAt: new Date().toISOString(),
                reason: '',
                full: f.full || !state.score,
                since: f.full ? null : (state.score?.watermark ?? null),
                now: f.now ?? new Date().toISOString(),
                lastId: null
            };
        }
        const cp = this.checkpoint;
        const res = await scoreOrg(api, {
            full: cp.full,
            since: cp.since,
            now: new Date(cp.now!),
            watermarkAt: cp.startedAt,
            resumeAfterId: cp.lastId,
            bulkThreshold,
            dryRun,
            onCheckpoint: (lastId) => {
                cp.lastId = lastId;
            },
            onProgress: (p) => this.progress(`Scoring ${p.done}/${p.total}`)
        });
        if (!dryRun) {
            writeState(this.root, target.name, {
                ...state,
                score: {
                    watermark: res.watermark,
                    modelVersion: res.modelVersion,
                    at: new Date().toISOString()
                },
                checkpoint: undefined
            });
        }
        return {
            result: { ...res },
            failures: res.failures,
            human:
                `${dryRun ? 'Dry run: ' : ''}${res.mode} rescore of ${target.name} with model v${res.modelVersion}${res.since ? ` since ${res.since}` : ''} (${res.transport}):\n` +
                table([
                    {
                        'leads read': res.leadsRead,
                        changed: res.leadsChanged,
                        [dryRun ? 'would write' : 'written']: dryRun
                            ? res.leadsChanged
                            : res.written,
                        failed: res.failures.length
                    }
                ])
        };
    }

    protected saveCheckpoint(target: Target, error: StopError): void {
        if (!this.checkpoint) return;
        writeState(this.root, target.name, {
            ...readState(this.root, target.name),
            checkpoint: { ...this.checkpoint, reason: error.reason }
        });
    }
}
