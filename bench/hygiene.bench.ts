/**
 * Hygiene audit throughput and memory: `auditLeads` (all checks) over a synthetic org of
 * 100,000 and 1,000,000 leads with their owners, queues, contacts, accounts, opportunities,
 * tasks and events, against a baseline loop over the same leads in the same run (one pass
 * that reads the fields the checks read and keys one hash map by email). Target: 1,000,000
 * leads in under 10 s and 1 GB; time per lead flat from 100,000 to 1,000,000 (linear).
 *
 *   NODE_OPTIONS=--max-old-space-size=4096 npx tsx bench/hygiene.bench.ts [--sizes 100000,1000000] [--json]
 *
 * Each size gets its own snapshot (every lead distinct, ~5% planted duplicates), built
 * before the clock starts. Findings are streamed to a callback (as the CLI writes them to a
 * file). Memory: heap the audit adds right after it (garbage included) and what it still holds
 * after a forced GC with the result kept.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
    auditLeads,
    DEFAULT_SETTINGS,
    type HygieneActivity,
    type HygieneSnapshot,
    type Lead,
    type Opportunity,
    type Tier
} from '../core/src/index';
import { rng } from './synthetic';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function sizesArg(): number[] {
    const i = process.argv.indexOf('--sizes');
    const text = i >= 0 ? process.argv[i + 1] : '100000,1000000';
    return text
        .split(',')
        .map((s) => Math.floor(Number(s)))
        .filter((n) => n > 0);
}

const FIRST = ['Ada', 'Bob', 'Cy', 'Di', 'Eve', 'Finn', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kai', 'Lea'];
const LAST = ['King', 'Stone', 'Young', 'Prince', 'Moss', 'Reed', 'Hart', 'Lane', 'Cole', 'Ford'];
const STATUSES = ['New', 'Working - Contacted', 'Qualified', 'Nurturing', 'Unqualified'];
const TIERS: Tier[] = ['Hot', 'Warm', 'Cool', 'Cold'];
const SUBJECTS = ['Call', 'Follow-up email', 'Intro call', 'Call – not a fit', 'Product demo'];
const DAY = 86_400_000;

export function generateOrg(n: number, now: Date, seed = 7): HygieneSnapshot {
    const r = rng(seed);
    const int = (max: number) => Math.floor(r() * max);
    const pick = <T>(list: readonly T[]): T => list[int(list.length)];
    // Shared date strings: one per day, as a real org's values repeat per day anyway.
    const dayIso = Array.from({ length: 400 }, (_, d) =>
        new Date(now.getTime() - d * DAY).toISOString()
    );
    const dayDate = dayIso.map((iso) => iso.slice(0, 10));
    const users = Array.from({ length: 200 }, (_, u) => ({
        id: `005${String(u).padStart(15, '0')}`,
        name: `Rep ${u}`,
        isActive: u % 20 !== 0
    }));
    const queues = [
        {
            id: '00G000000000000001',
            name: 'Marketing Nurture',
            developerName: 'LL_Marketing_Nurture'
        },
        { id: '00G000000000000002', name: 'Web Inbound', developerName: 'Web_Inbound' }
    ];
    const companyCount = Math.max(10, Math.floor(n / 10));
    const companies = Array.from(
        { length: companyCount },
        (_, c) => `Company ${c} ${pick(['Inc', 'LLC', 'GmbH', 'Ltd'])}`
    );
    const domains = Array.from({ length: companyCount }, (_, c) => `company${c}.com`);
    const accounts = Array.from({ length: Math.floor(companyCount / 5) }, (_, a) => ({
        id: `001${String(a).padStart(15, '0')}`,
        name: companies[a * 5],
        website: `https://www.${domains[a * 5]}`
    }));
    const opportunities: Opportunity[] = [];
    for (let o = 0; o < accounts.length * 0.6; o++) {
        const stage = pick(['Prospecting', 'Proposal', 'Closed Won', 'Closed Lost']);
        opportunities.push({
            id: `006${String(o).padStart(15, '0')}`,
            name: `Deal ${o}`,
            accountId: accounts[int(accounts.length)].id,
            stageName: stage,
            isClosed: stage.startsWith('Closed'),
            isWon: stage === 'Closed Won',
            createdDate: dayIso[int(200)]
        });
    }
    const contacts = [];
    for (let c = 0; c < n / 10; c++) {
        const a = int(accounts.length);
        contacts.push({
            id: `003${String(c).padStart(15, '0')}`,
            firstName: pick(FIRST),
            lastName: pick(LAST),
            email: `contact${c}@${domains[a * 5]}`,
            accountId: accounts[a].id,
            accountName: accounts[a].name
        });
    }
    const leads: Lead[] = [];
    const tasks: HygieneActivity[] = [];
    const events: HygieneActivity[] = [];
    for (let i = 0; i < n; i++) {
        const id = `00Q${String(i).padStart(15, '0')}`;
        const c = int(companyCount);
        const age = int(400);
        const status = pick(STATUSES);
        const queued = status === 'Nurturing' || r() < 0.05;
        const roll = r();
        const earlier = i > 0 ? leads[int(i)] : null;
        const lead: Lead = {
            id,
            firstName: pick(FIRST),
            lastName: pick(LAST),
            company: companies[c],
            email: `p${i}@${domains[c]}`,
            phone:
                r() < 0.7
                    ? `(${200 + int(700)}) 555-${String(int(10_000)).padStart(4, '0')}`
                    : null,
            country: 'United States',
            status,
            isConverted: false,
            ownerId: queued ? pick(queues).id : pick(users).id,
            createdDate: dayIso[age],
            statusChangedAt: dayIso[int(age + 1)],
            tier: pick(TIERS),
            salesReady: null,
            score: int(100),
            nurtureUntil: status === 'Nurturing' ? dayDate[int(60)] : null
        };
        if (earlier && roll < 0.03) lead.email = earlier.email;
        else if (earlier && roll < 0.05) {
            lead.firstName = earlier.firstName;
            lead.lastName = earlier.lastName;
            lead.company = earlier.company;
        } else if (roll < 0.06) lead.email = contacts[int(contacts.length)]?.email ?? lead.email;
        leads.push(lead);
        const acts = int(3);
        for (let a = 0; a < acts; a++) {
            const d = int(age + 1);
            const list = r() < 0.1 ? events : tasks;
            list.push({
                id: `00T${i}-${a}`,
                kind: list === events ? 'Event' : 'Task',
                whoId: id,
                ownerId: lead.ownerId,
                subject: pick(SUBJECTS),
                type: 'Call',
                activityDate: dayDate[d],
                status: r() < 0.9 ? 'Completed' : 'Not Started',
                createdDate: dayIso[d]
            });
        }
    }
    return { leads, users, queues, contacts, accounts, opportunities, tasks, events };
}

/** The baseline: one pass over the same leads reading what the checks read, one email map. */
function baseline(snapshot: HygieneSnapshot): number {
    const byEmail = new Map<string, number>();
    let checksum = 0;
    for (const l of snapshot.leads) {
        checksum +=
            l.status.length +
            l.ownerId.length +
            (l.createdDate?.length ?? 0) +
            (l.tier?.length ?? 0);
        const email = l.email?.toLowerCase();
        if (email) byEmail.set(email, (byEmail.get(email) ?? 0) + 1);
    }
    for (const t of snapshot.tasks) checksum += t.subject.length;
    return checksum + byEmail.size;
}

/** Wall time, and CPU time of this process (the machine is shared: CPU time is the cost). */
function time<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    const value = fn();
    const used = process.cpuUsage(cpu);
    return {
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        cpuMs: (used.user + used.system) / 1000,
        value
    };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function measure(n: number, now: Date) {
    const snapshot = generateOrg(n, now);
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const base = time(() => baseline(snapshot));
    gc();
    // Streamed, as `leadloop audit` writes findings to a file: they are not all held at once.
    let findings = 0;
    const audit = time(() =>
        auditLeads(snapshot, DEFAULT_SETTINGS, now, {
            onFinding: (f) => {
                findings += f.detail.length > 0 ? 1 : 0;
            }
        })
    );
    const heapRightAfter = process.memoryUsage().heapUsed;
    gc();
    const heapRetained = process.memoryUsage().heapUsed;
    return {
        leads: n,
        activities: snapshot.tasks.length + snapshot.events.length,
        contacts: snapshot.contacts.length,
        accounts: snapshot.accounts.length,
        opportunities: snapshot.opportunities.length,
        findings,
        leadsWithFindings: audit.value.leadsWithFindings,
        baselineMs: Math.round(base.ms),
        baselineCpuMs: Math.round(base.cpuMs),
        auditMs: Math.round(audit.ms),
        auditCpuMs: Math.round(audit.cpuMs),
        microsPerLead: Number(((audit.ms * 1000) / n).toFixed(2)),
        cpuMicrosPerLead: Number(((audit.cpuMs * 1000) / n).toFixed(2)),
        baselineCpuMicrosPerLead: Number(((base.cpuMs * 1000) / n).toFixed(3)),
        ratioToBaseline: Number((audit.ms / Math.max(base.ms, 0.001)).toFixed(1)),
        cpuRatioToBaseline: Number((audit.cpuMs / Math.max(base.cpuMs, 0.001)).toFixed(1)),
        snapshotHeapMb: mb(heapBefore),
        auditHeapPeakMb: mb(heapRightAfter - heapBefore),
        auditHeapRetainedMb: mb(heapRetained - heapBefore)
    };
}

function main(): void {
    const now = new Date('2026-11-22T12:00:00.000Z');
    // Warm up the JIT on a small org.
    auditLeads(generateOrg(20_000, now, 1), DEFAULT_SETTINGS, now, { onFinding: () => {} });
    const runs = sizesArg().map((n) => {
        const run = measure(n, now);
        gc();
        return run;
    });
    const first = runs[0];
    const last = runs[runs.length - 1];
    const summary = {
        bench: 'hygiene',
        runs,
        /** Time per lead at the largest size over the smallest: ~1 means linear. */
        perLeadGrowth: Number((last.microsPerLead / first.microsPerLead).toFixed(2)),
        /** The same in CPU time (what the audit costs on a shared machine), and the baseline's. */
        cpuPerLeadGrowth: Number((last.cpuMicrosPerLead / first.cpuMicrosPerLead).toFixed(2)),
        baselineCpuPerLeadGrowth: Number(
            (last.baselineCpuMicrosPerLead / first.baselineCpuMicrosPerLead).toFixed(2)
        ),
        targetMsFor1M: 10_000,
        meetsTime: runs.every((r) => (r.auditMs / r.leads) * 1_000_000 < 10_000),
        meetsTimeInCpu: runs.every((r) => (r.auditCpuMs / r.leads) * 1_000_000 < 10_000),
        meetsMemory: runs.every((r) => r.auditHeapPeakMb < 1024),
        peakRssMb: mb(process.resourceUsage().maxRSS * 1024)
    };
    if (process.argv.includes('--json')) {
        console.log(JSON.stringify(summary));
        return;
    }
    for (const r of runs) {
        console.log(
            `hygiene: ${r.leads.toLocaleString('en-US')} leads (${r.activities.toLocaleString('en-US')} activities, ` +
                `${r.contacts.toLocaleString('en-US')} contacts, ${r.findings.toLocaleString('en-US')} findings) ` +
                `audited in ${(r.auditMs / 1000).toFixed(2)} s (CPU ${(r.auditCpuMs / 1000).toFixed(2)} s) = ` +
                `${r.microsPerLead} µs/lead; baseline loop ${r.baselineMs} ms (CPU ${r.baselineCpuMs} ms; ` +
                `audit ${r.ratioToBaseline}× baseline in wall time, ${r.cpuRatioToBaseline}× in CPU); audit heap ${r.auditHeapPeakMb} MB ` +
                `(retained ${r.auditHeapRetainedMb} MB) over a ${r.snapshotHeapMb} MB snapshot.`
        );
    }
    console.log(
        `time per lead ${last.leads.toLocaleString('en-US')} vs ${first.leads.toLocaleString('en-US')}: ` +
            `${summary.perLeadGrowth}× in wall time, ${summary.cpuPerLeadGrowth}× in CPU (1 = linear; the baseline loop's ` +
            `CPU per lead grew ${summary.baselineCpuPerLeadGrowth}× in the same run). Target 1,000,000 in < 10 s: ` +
            `${summary.meetsTime ? 'met' : 'MISSED'} in wall time, ${summary.meetsTimeInCpu ? 'met' : 'MISSED'} in CPU; ` +
            `< 1 GB: ${summary.meetsMemory ? 'met' : 'MISSED'}. Process peak RSS ${summary.peakRssMb} MB.`
    );
}

if (!process.env.HYGIENE_BENCH_IMPORT) main();
