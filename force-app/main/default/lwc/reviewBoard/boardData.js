import {
    entryFromRecord,
    fieldValue,
    leadFromRecord,
    parseSettings,
    queueFromRecord,
    userFromRecord
} from 'c/leadLoopCore';
import { edgesOf } from 'c/graphqlPages';

/**
 * What the board works on, from the records its query read: leads, users (with their
 * manager: a manager's direct reports are a team), queues, review entries, settings.
 */
export function boardData(records, query) {
    const users = edgesOf(query?.User).map((record) => ({
        ...userFromRecord(record),
        managerId: fieldValue(record.ManagerId) ?? null
    }));
    const queues = edgesOf(query?.Group).map(queueFromRecord);
    const ownerNames = Object.fromEntries([...users, ...queues].map((o) => [o.id, o.name]));
    const [settingsRecord] = edgesOf(query?.LL_Settings__c);
    return {
        leads: records.Lead.map(leadFromRecord),
        entries: records.LL_Review_Entry__c.map(entryFromRecord),
        users,
        queues,
        ownerNames,
        settings: parseSettings(settingsRecord).settings,
        teams: teamsOf(users)
    };
}

/** Teams: each manager with active direct reports, by name; `repIds` are the reports. */
export function teamsOf(users) {
    const byId = new Map(users.map((u) => [u.id, u]));
    const teams = new Map();
    for (const user of users) {
        const manager = user.managerId && byId.get(user.managerId);
        if (!manager || !user.isActive) continue;
        if (!teams.has(manager.id)) {
            teams.set(manager.id, { id: manager.id, name: `${manager.name}'s team`, repIds: [] });
        }
        teams.get(manager.id).repIds.push(user.id);
    }
    return [...teams.values()].sort((a, b) => a.name.localeCompare(b.name));
}
