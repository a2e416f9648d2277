import { Flags } from '@oclif/core';
import { UserError, type StopError } from '../../api/index';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../command';
import { nowFlag, orgFlags, positiveInt, resumeFlag } from '../../flags';
import { table, type Outcome } from '../../output';
import { generateDemoData, seedOrg } from '../../seed/index';
import { readState, writeState } from '../../state';
import type { Target } from '../../target';

export default class Seed extends OrgCommand {
    static summary = 'Load the demo data set (idempotent: re-running creates nothing twice).';
    static description =
        'Existing records are found by LL_Source_Id__c, Username, queue DeveloperName or the natural key of activities and campaign members, and never written again; then the leads are scored.';
    static examples = [
        '<%= config.bin %> <%= command.id %> --target-org local',
        '<%= config.bin %> <%= command.id %> --target-org my-scratch --leads 1000 --dry-run',
        '<%= config.bin %> <%= command.id %> --target-org my-scratch --resume'
    ];
    static flags = {
        ...orgFlags,
        leads: positiveInt('leads', { max: 1_000_000 })({
            summary: 'Number of leads.',
            default: 5000
        }),
        seed: Flags.integer({ summary: 'Random seed (same seed → same data).', default: 42 }),
        score: Flags.boolean({
            summary: 'Score the leads after loading (--no-score: do not).',
            default: true,
            allowNo: true
        }),
        resume: resumeFlag('Continue a seed that stopped (same data set as that run).', [
            'leads',
            'seed',
            'now'
        ]),
        now: nowFlag('The clock the data set is built for.')
    };

    private dataOpts?: { seed: number; leads: number; now: string };
    private startedAt = new Date().toISOString();

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const { api, target, dryRun, bulkThreshold } = ctx;
        const f = ctx.flags as FlagsOf<typeof Seed>;
        const state = readState(this.root, target.name);
        let dataOpts = { seed: f.seed, leads: f.leads, now: f.now ?? new Date().toISOString() };
        if (f.resume) {
            const cp = state.checkpoint;
            if (cp?.command !== 'seed') {
                throw new UserError(`Nothing to resume: no stopped seed for ${target.name}.`);
            }
            dataOpts = { seed: cp.seed!, leads: cp.leads!, now: cp.now! };
            this.startedAt = cp.startedAt;
        } else if (!f.now && state.seed && state.seed.seed === f.seed) {
            // Same data set as the first seed of this target (same clock): nothing twice.
            dataOpts.now = state.seed.now;
        }
        this.dataOpts = dataOpts;
        const data = generateDemoData({ ...dataOpts, now: new Date(dataOpts.now) });
        const res = await seedOrg(target.conn, data, {
            api,
            bulkThreshold,
            dryRun,
            score: f.score,
            onProgress: (p) => this.progress(`Seeding ${p.object}: ${p.done}/${p.total}`)
        });
        const scored = res.scored
            ? { leadsRead: res.scored.leadsRead, written: res.scored.written }
            : null;
        if (!dryRun) {
            writeState(this.root, target.name, {
                ...readState(this.root, target.name),
                seed: dataOpts,
                checkpoint: undefined,
                ...(res.scored
                    ? {
                          score: {
                              watermark: res.scored.watermark,
                              modelVersion: res.scored.modelVersion,
                              at: new Date().toISOString()
                          }
                      }
                    : {})
            });
        }
        return {
            result: { ...res, scored, data: dataOpts },
            failures: res.failures,
            warnings: res.warnings,
            human:
                `${dryRun ? 'Dry run: would load' : 'Loaded'} the demo data set (seed ${dataOpts.seed}, ${dataOpts.leads} leads) into ${target.name}:\n` +
                table(
                    res.objects.map((r) => ({
                        object: r.object,
                        records: r.total,
                        existing: r.existing,
                        [dryRun ? 'would create' : 'created']: r.created,
                        failed: r.failed
                    }))
                ) +
                (scored ? `\nScored: ${JSON.stringify(scored)}` : '')
        };
    }

    protected saveCheckpoint(target: Target, error: StopError): void {
        if (!this.dataOpts) return;
        writeState(this.root, target.name, {
            ...readState(this.root, target.name),
            checkpoint: {
                command: 'seed',
                startedAt: this.startedAt,
                reason: error.reason,
                ...this.dataOpts
            }
        });
    }
}
