/**
 * Lead conversion, as the platform's convertLead() leaves the lead: converted status,
 * IsConverted, ConvertedDate and the records it was converted to. Those fields are read-only
 * to every API (no API converts a lead by writing them), so this is the local org's
 * conversion, for seeding and tests; a lead converted already is refused.
 */
import type { Statement } from 'better-sqlite3';
import { SourceError, type ObjectInfo } from './source';

export interface LeadConversion {
    status: string;
    convertedDate: string;
    opportunityId?: string | null;
    accountId?: string | null;
    contactId?: string | null;
}

/** Converts one lead (`lead` is the Lead object's description; `stmt` prepares SQL). */
export function convertLeadRow(
    stmt: (sql: string) => Statement,
    lead: ObjectInfo,
    leadId: string,
    conversion: LeadConversion
): void {
    const status = lead.fields.Status.picklistValues?.find((v) => v.value === conversion.status);
    if (!status?.converted)
        throw new SourceError(
            'INVALID_STATUS',
            `${conversion.status} is not a converted lead status.`,
            ['Status']
        );
    const now = new Date().toISOString();
    const changed = stmt(
        `UPDATE "Lead" SET "IsConverted" = 1, "Status" = ?, "ConvertedDate" = ?,
         "ConvertedOpportunityId" = ?, "ConvertedAccountId" = ?, "ConvertedContactId" = ?,
         "LastModifiedDate" = ?, "SystemModstamp" = ? WHERE "Id" = ? AND "IsConverted" = 0`
    ).run(
        conversion.status,
        conversion.convertedDate,
        conversion.opportunityId ?? null,
        conversion.accountId ?? null,
        conversion.contactId ?? null,
        now,
        now,
        leadId
    ).changes;
    if (!changed)
        throw new SourceError(
            'INVALID_CROSS_REFERENCE_KEY',
            `No unconverted lead ${leadId} to convert.`
        );
}
