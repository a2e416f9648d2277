/**
 * Edit access, as far as the local org models sharing: a user whose ProfileId is the standard
 * "Read Only" profile reads every record and edits none; every other user edits everything.
 * UI API and GraphQL writes made as such a user (the browser's `X-LeadLoop-Act-As`) get the
 * platform's INSUFFICIENT_ACCESS_OR_READONLY and write nothing.
 */
import { SourceError, type RecordSource } from './source';

/** The standard "Read Only" profile's id in this org; assign it through User.ProfileId. */
export const READ_ONLY_PROFILE_ID = '00e000000000RdOAAU';

/** Throws the platform's refusal when `actorId` is a Read Only user. */
export function checkEditAccess(source: RecordSource, actorId: string | undefined): void {
    // An org described without User.ProfileId (some tests) has no sharing to apply.
    if (!actorId || !source.objectInfo('User')?.fields.ProfileId) return;
    const actor = source.find('User', {
        fields: ['Id', 'ProfileId'],
        where: { field: 'Id', op: 'eq', value: actorId },
        limit: 1,
        offset: 0
    }).records[0];
    if (actor?.ProfileId === READ_ONLY_PROFILE_ID)
        throw new SourceError(
            'INSUFFICIENT_ACCESS_OR_READONLY',
            'insufficient access rights on object id'
        );
}
