/**
 * Converted leads: every other qualified, worked lead was converted to an opportunity of its
 * own, won, lost or still open. Drawn after everything else, so the rest of the data set is
 * drawn as before. No API inserts a converted lead (IsConverted is not createable), so the
 * seed loads them unconverted and `DemoData.conversions` says which to convert where the
 * target allows it (the local org does at start).
 */
import type { DemoConversion } from '../types';
import type { CrmRecords } from './companies';
import type { Draws } from './draws';
import type { QualifiedLead } from './leads';

/** 3 won, 1 lost, 1 open of every 5 converted leads. */
const CONVERSION_OUTCOMES = ['won', 'won', 'won', 'lost', 'open'] as const;

/** The shares the conversions are planted with (the metrics tests check them). */
export const DEMO_CONVERSION_SHARES = { ofQualifiedActive: 0.5, won: 3 / 5, lost: 1 / 5 } as const;

export function plantConversions(
    d: Draws,
    crm: CrmRecords,
    qualifiedActive: readonly QualifiedLead[]
): DemoConversion[] {
    return qualifiedActive
        .filter((_, i) => i % 2 === 0)
        .map((lead, i) => {
            const outcome = CONVERSION_OUTCOMES[i % CONVERSION_OUTCOMES.length];
            const converted = d.daysAgo(Math.floor(lead.age / 2));
            // No account of its own: the demo's accounts (and what the audit finds on them)
            // stay as they are.
            const opportunity = crm.opportunityFor(
                null,
                lead.company,
                lead.rep,
                converted,
                outcome === 'won',
                outcome === 'lost'
            );
            return { lead: lead.key, opportunity, outcome, convertedDate: d.day(converted) };
        });
}
