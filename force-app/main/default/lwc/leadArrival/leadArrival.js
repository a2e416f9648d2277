import { LightningElement, api } from 'lwc';

function newestFirst(a, b) {
    if (a.date === b.date) {
        return a.key.localeCompare(b.key);
    }
    if (!a.date || !b.date) {
        return a.date ? -1 : 1;
    }
    return b.date.localeCompare(a.date);
}

/**
 * "Why this lead came in": the lead source, the campaigns the lead is a member of and what
 * the lead did (activities and campaign responses), newest first.
 */
export default class LeadArrival extends LightningElement {
    @api leadSource;
    /** Core `CampaignMember`s with `campaignName` (as `campaignMemberFromRecord` returns them). */
    @api campaignMembers = [];
    /** Core `Activity`s (as `activityFromRecord` returns them). */
    @api activities = [];

    get sourceText() {
        return this.leadSource || 'Unknown';
    }

    get campaigns() {
        return (this.campaignMembers ?? []).map((m) => ({
            key: m.id,
            name: m.campaignName || 'Campaign',
            status: m.status || (m.hasResponded ? 'Responded' : 'Member')
        }));
    }

    get hasCampaigns() {
        return this.campaigns.length > 0;
    }

    get timeline() {
        const items = [
            ...(this.activities ?? []).map((a) => ({
                key: a.id,
                date: a.activityDate || (a.createdDate ? a.createdDate.slice(0, 10) : ''),
                icon: a.kind === 'Event' ? 'standard:event' : 'standard:task',
                kind: a.kind === 'Event' ? 'Meeting' : a.type || 'Task',
                text: a.subject || '(no subject)'
            })),
            ...(this.campaignMembers ?? [])
                .filter((m) => m.hasResponded)
                .map((m) => ({
                    key: `${m.id}-response`,
                    date: m.firstRespondedDate || (m.createdDate ? m.createdDate.slice(0, 10) : ''),
                    icon: 'standard:campaign',
                    kind: 'Campaign response',
                    text: m.campaignName || 'Campaign'
                }))
        ];
        // newest first; undated last; ties by key so the order is stable
        return items.sort(newestFirst);
    }

    get hasTimeline() {
        return this.timeline.length > 0;
    }
}
