import { Args, Flags } from '@oclif/core';
import {
    APPLICABLE_FIX_KINDS,
    HYGIENE_CHECK_IDS,
    newFixRunId,
    type FieldChange
} from '../../../../core/src/index';
import { OrgCommand, type FlagsOf, type OrgContext } from '../../command';
import { applyFix, previewFix, undoFix, type FixResult } from '../../fix';
import { nowFlag, orgFlags, positiveInt } from '../../flags';
import { table, UsageError, type Outcome } from '../../output';

const changeText = (changes: FieldChange[]) =>
    changes.map((c) => `${c.field}: ${c.from ?? '∅'} → ${c.to ?? '∅'}`).join('; ');

function resultTable(results: FixResult[]): string {
    return table(
        results.map((r) => ({
            lead: r.leadId,
            name: r.leadName,
            result: r.result,
            change: changeText(r.changes),
            message: r.message
        }))
    );
}

function tally(results: FixResult[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of results) out[r.result] = (out[r.result] ?? 0) + 1;
    return out;
}

export default class Fix extends OrgCommand {
    static summary = 'Preview, apply or undo a bulk hygiene fix.';
    static description = `Audits the org, then plans the fix for the findings of a check or for every finding with that fix (${APPLICABLE_FIX_KINDS.join(', ')}) and prints each lead's change. Writes only with --apply: leads changed by someone else since the preview are skipped, every field is logged in LL_Fix_Log__c under a fix run id, and per-record results are printed (exit 1 if any failed). --undo <run id> reverts one run, skipping leads changed since. Safe to re-run: a second apply finds nothing to do.`;
    static examples = [
        '<%= config.bin %> <%= command.id %> owner-inactive --to "Rita Rep" -o local',
        '<%= config.bin %> <%= command.id %> reassign --round-robin --cap 50 -o local --apply',
        '<%= config.bin %> <%= command.id %> duplicate-email --master 00Q5g00000AbCdE -o local --apply',
        '<%= config.bin %> <%= command.id %> --undo FIX-20261122T120000Z-8000 -o local'
    ];
    static args = {
        target: Args.string({
            description: `A check id (${HYGIENE_CHECK_IDS.join(', ')}) or a fix (${APPLICABLE_FIX_KINDS.join(', ')}).`
        })
    };
    static flags = {
        ...orgFlags,
        apply: Flags.boolean({
            summary: 'Write the changes (default: preview only).',
            default: false,
            exclusive: ['dry-run', 'undo']
        }),
        to: Flags.string({
            summary:
                'Reassign: the new owner, a user (Id or name) or a queue (Id, DeveloperName or name).',
            exclusive: ['round-robin']
        }),
        'round-robin': Flags.boolean({
            summary: 'Reassign round-robin over active reps (users who own open leads).',
            default: false
        }),
        cap: positiveInt('cap')({
            summary: 'Round-robin: most open leads per rep (default: the settings cap).',
            dependsOn: ['round-robin']
        }),
        master: Flags.string({ summary: 'Duplicates: the lead Id to keep as the master.' }),
        undo: Flags.string({ summary: 'Revert the fix run with this id (LL_Run_Id__c).' }),
        now: nowFlag('The audit clock.')
    };

    protected async work(ctx: OrgContext): Promise<Outcome> {
        const { api, bulkThreshold, dryRun } = ctx;
        const { args } = await this.flags(Fix);
        const f = ctx.flags as FlagsOf<typeof Fix>;
        const now = new Date(f.now ?? new Date().toISOString());
        if (f.undo) {
            if (args.target) throw new UsageError('--undo takes a fix run id and no check or fix.');
            if (dryRun)
                throw new UsageError(
                    '--undo writes; it has no --dry-run (undo is its own preview-free revert).'
                );
            const undone = await undoFix(api, f.undo, { now, bulkThreshold });
            return {
                result: { runId: f.undo, results: undone.results, counts: tally(undone.results) },
                failures: undone.failures,
                human: `Undo of ${f.undo}: ${JSON.stringify(tally(undone.results))}\n${resultTable(undone.results)}`
            };
        }
        if (!args.target) {
            throw new UsageError(
                `Name a check or a fix. Fixes: ${APPLICABLE_FIX_KINDS.join(', ')}. Checks: ${HYGIENE_CHECK_IDS.join(', ')}.`
            );
        }
        const preview = await previewFix(api, {
            target: args.target,
            to: f.to,
            roundRobin: f['round-robin'],
            cap: f.cap,
            master: f.master,
            now,
            bulkThreshold
        });
        const { plan } = preview;
        const what = `${plan.kind ?? 'a fix'}${preview.checkId ? ` for ${preview.checkId}` : ''}`;
        if (!f.apply) {
            const rows: FixResult[] = [
                ...plan.changes.map((c) => ({
                    leadId: c.leadId,
                    leadName: c.leadName,
                    result: 'Applied' as const,
                    message: '',
                    changes: c.changes
                })),
                ...plan.skipped.map((s) => ({
                    leadId: s.leadId,
                    leadName: s.leadName,
                    result: 'Skipped' as const,
                    message: s.reason,
                    changes: []
                }))
            ];
            return {
                result: { preview: true, kind: plan.kind, checkId: preview.checkId, plan },
                human:
                    `Preview of ${what}: ${plan.changes.length} lead(s) would change, ${plan.skipped.length} left alone. Nothing written; add --apply to write.\n` +
                    table(
                        rows.map((r) => ({
                            lead: r.leadId,
                            name: r.leadName,
                            change: changeText(r.changes),
                            note: r.message
                        }))
                    )
            };
        }
        if (!plan.changes.length) {
            return {
                result: { preview: false, kind: plan.kind, runId: null, results: [], counts: {} },
                human: `Nothing to do: no lead needs ${what}.`
            };
        }
        const applied = await applyFix(api, preview, {
            runId: newFixRunId(new Date()),
            now: new Date(),
            bulkThreshold
        });
        return {
            result: {
                preview: false,
                kind: plan.kind,
                runId: applied.runId,
                results: applied.results,
                counts: tally(applied.results)
            },
            failures: applied.failures,
            human:
                `Applied ${plan.kind} as fix run ${applied.runId} (undo: leadloop fix --undo ${applied.runId}): ${JSON.stringify(tally(applied.results))}\n` +
                resultTable(applied.results)
        };
    }
}
