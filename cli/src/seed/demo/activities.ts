/** Activity on leads: campaigns and their members, tasks and events (touches). */
import { MS_PER_DAY, SOURCE_ID_FIELD } from '../../../../core/src/index';
import type { SeedRecord } from '../types';
import type { DemoRecords, Draws } from './draws';
import { MARKETING } from './people';

const CAMPAIGNS: [name: string, type: string][] = [
    ['Spring Product Webinar', 'Webinar'],
    ['RevOps Summit Booth', 'Trade Show'],
    ['Pipeline Hygiene eBook', 'Content'],
    ['Q3 Nurture Email Series', 'Email'],
    ['Partner Roadshow', 'Partners'],
    ['Customer Stories Webinar', 'Webinar'],
    ['SaaS Connect Conference', 'Trade Show'],
    ['Free Trial Signup', 'Web'],
    ['Lead Scoring Guide', 'Content'],
    ['Winter Reactivation Email', 'Email'],
    ['Executive Dinner Series', 'Event'],
    ['Paid Search – Lead Management', 'Advertisement']
];

export interface Campaigns {
    campaigns: SeedRecord[];
    campaignStart(key: string): number;
}

/** Twelve campaigns, one started every two weeks over the last half year. */
export function demoCampaigns(d: Draws): Campaigns {
    const { f, daysAgo, day, nowMs } = d;
    const campaigns: SeedRecord[] = CAMPAIGNS.map(([name, type], i) => {
        const start = daysAgo(175 - i * 14, 9);
        const end = new Date(start.getTime() + 21 * MS_PER_DAY);
        return {
            key: `campaign-${String(i + 1).padStart(3, '0')}`,
            fields: {
                Name: name,
                Type: type,
                Status: end.getTime() < nowMs ? 'Completed' : 'In Progress',
                StartDate: day(start),
                EndDate: day(end),
                IsActive: end.getTime() >= nowMs - 60 * MS_PER_DAY,
                ActualCost: f.number.int({ min: 20, max: 400 }) * 100,
                [SOURCE_ID_FIELD]: `campaign-${String(i + 1).padStart(3, '0')}`
            },
            refs: { OwnerId: MARKETING }
        };
    });
    const campaignStart = (key: string): number =>
        Date.parse(String(campaigns.find((c) => c.key === key)!.fields.StartDate));
    return { campaigns, campaignStart };
}

export function activityRecords(d: Draws, records: DemoRecords) {
    const { f, pick, daysAgo, iso, day, nowMs } = d;
    const { tasks, events } = records;
    let taskSeq = 0;
    const addTask = (
        leadKey: string,
        owner: string,
        when: Date,
        subject: string,
        type: string,
        description?: string
    ): void => {
        taskSeq += 1;
        tasks.push({
            key: `task-${taskSeq}`,
            fields: {
                Subject: subject,
                Type: type,
                Status: when.getTime() <= nowMs ? 'Completed' : 'Not Started',
                Priority: 'Normal',
                ActivityDate: day(when),
                ...(description ? { Description: description } : {}),
                CreatedDate: iso(when)
            },
            refs: { WhoId: leadKey, OwnerId: owner }
        });
    };
    const addEvent = (leadKey: string, owner: string, when: Date, subject: string): void => {
        const end = new Date(when.getTime() + 45 * 60_000);
        events.push({
            key: `event-${events.length + 1}`,
            fields: {
                Subject: subject,
                Type: 'Meeting',
                StartDateTime: iso(when),
                EndDateTime: iso(end),
                DurationInMinutes: 45,
                ActivityDate: day(when),
                CreatedDate: iso(new Date(when.getTime() - 3 * MS_PER_DAY)),
                Description: 'Discovery meeting'
            },
            refs: { WhoId: leadKey, OwnerId: owner }
        });
    };
    /** Touches on distinct days between `fromDay` and `toDay` days ago (fromDay > toDay). */
    const touches = (
        leadKey: string,
        owner: string,
        count: number,
        fromDay: number,
        toDay: number,
        strong = false,
        latestWithin?: number
    ): void => {
        const daysSet = new Set<number>();
        const span = Math.max(0, fromDay - toDay);
        for (let i = 0; i < count && daysSet.size <= span; i++) {
            let d = f.number.int({ min: toDay, max: Math.max(toDay, fromDay) });
            while (daysSet.has(d) && daysSet.size <= span) d = d === fromDay ? toDay : d + 1;
            daysSet.add(d);
        }
        // A lead being worked has its latest touch recent (folded into the window, so the
        // random draws, and every record after, stay as they were).
        const latest = Math.min(...daysSet);
        if (latestWithin !== undefined && latest > latestWithin) {
            daysSet.delete(latest);
            let d = latest % (latestWithin + 1);
            while (daysSet.has(d) && d > 0) d -= 1;
            daysSet.add(d);
        }
        const sorted = [...daysSet].sort((a, b) => b - a);
        sorted.forEach((d, i) => {
            const when = daysAgo(d);
            if (strong && i === sorted.length - 1) {
                addEvent(leadKey, owner, when, pick(['Product demo', 'Discovery meeting']));
                return;
            }
            const kind = f.number.int(9);
            if (kind < 4) addTask(leadKey, owner, when, pick(['Call', 'Intro call']), 'Call');
            else if (kind < 8)
                addTask(leadKey, owner, when, pick(['Email: intro', 'Follow-up email']), 'Email');
            else addTask(leadKey, owner, when, 'LinkedIn message', 'Other');
        });
    };
    return { addTask, addEvent, touches };
}

export type ActivityRecords = ReturnType<typeof activityRecords>;

/**
 * Campaign responses of one lead: about 40% of leads, 1–2 campaigns each, started before
 * now (a planted hot lead: two, both answered; a handed-back lead: none answered).
 */
export function campaignResponses(
    d: Draws,
    records: DemoRecords,
    { campaigns, campaignStart }: Campaigns
): (key: string, scenario: string) => void {
    const { f, pick, chance, day, nowMs } = d;
    const { members } = records;
    return (key, scenario) => {
        // Campaign responses: about 40% of leads, 1–2 campaigns each, started before now.
        if (chance(scenario === 'hotInMarketingQueue' ? 1 : 0.4)) {
            const picks = new Set<string>();
            const n = scenario === 'hotInMarketingQueue' ? 2 : f.number.int({ min: 1, max: 2 });
            for (let c = 0; c < n; c++) picks.add(pick(campaigns).key);
            for (const cKey of picks) {
                const start = campaignStart(cKey);
                if (start > nowMs) continue;
                // A lead handed back to nurture has not answered since (a response would make
                // it hot in the marketing queue, a real finding); the draw stays.
                const responded =
                    scenario === 'hotInMarketingQueue' ||
                    (chance(0.5) && scenario !== 'handedBack');
                const respondedAt = new Date(
                    Math.min(nowMs, start + f.number.int({ min: 0, max: 20 }) * MS_PER_DAY)
                );
                members.push({
                    key: `member:${cKey}:${key}`,
                    fields: {
                        Status: responded ? 'Responded' : 'Sent',
                        HasResponded: responded,
                        ...(responded ? { FirstRespondedDate: day(respondedAt) } : {})
                    },
                    refs: { CampaignId: cKey, LeadId: key }
                });
            }
        }
    };
}
