/**
 * Scores one lead with a scoring model: fit grade × decaying engagement → tier, with the
 * reasons. Pure and deterministic: the clock is an argument, and the same inputs always
 * give the same result. Never throws and never returns NaN, whatever the lead holds
 * (hidden fields, nulls, garbage strings, invalid dates).
 */
import { MS_PER_DAY } from '../dates';
import type { Activity, CampaignMember, FitGrade, Lead, Tier } from '../types';
import { ENGAGEMENT_CATEGORIES } from './model';
import type {
    ActivityRule,
    EngagementBand,
    EngagementCategory,
    KeywordRule,
    NegativeRule,
    RangeRule,
    ScoringModel,
    ValueRule
} from './model';

export interface ScoringInput {
    lead: Lead;
    activities: Activity[];
    campaignMembers: CampaignMember[];
    /** Campaign names by id, for the reasons ("Responded to Spring Webinar"). */
    campaignNames?: Record<string, string>;
}

export type ReasonDimension = 'fit' | 'engagement';

/** One factor behind a score: signed points and a sentence a rep understands. */
export interface ScoreReason {
    /** The rule that produced it (e.g. `title-vp`, `cap-activity`). */
    id: string;
    dimension: ReasonDimension;
    label: string;
    /** Signed points, rounded to one decimal. */
    points: number;
    text: string;
}

export interface ScoreResult {
    /** 0–100, fit and engagement blended by the model's weights. */
    score: number;
    fitGrade: FitGrade;
    /** Fit points before the grade (may be negative). */
    fitPoints: number;
    /** Decayed, capped engagement points, one decimal (as stored). */
    engagement: number;
    engagementBand: EngagementBand;
    tier: Tier;
    salesReady: boolean;
    /** The strongest factors first (at most the model's maxReasons). */
    reasons: ScoreReason[];
    summary: string;
}

// ---------------------------------------------------------------------------
// Text helpers

/** A value as text, or '' when it is not a string or finite number. */
function text(value: unknown): string {
    if (typeof value === 'string') {
        return value;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
        return String(value);
    }
    return '';
}

const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower-case words between single spaces, uncached (for values unique per lead). */
function wordsOf(raw: string): string {
    const words = raw.toLowerCase().replace(NON_WORD, ' ').trim();
    return words ? ` ${words} ` : '';
}

/** Normalized texts, bounded: titles and subjects repeat a lot across leads. */
const wordsCache = new Map<string, string>();
const WORDS_CACHE_LIMIT = 50_000;

/** Lower-case words separated and surrounded by single spaces, for whole-word matching. */
export function normalizeWords(value: unknown): string {
    const raw = text(value);
    if (!raw) {
        return '';
    }
    let cached = wordsCache.get(raw);
    if (cached === undefined) {
        cached = wordsOf(raw);
        if (wordsCache.size >= WORDS_CACHE_LIMIT) {
            wordsCache.clear();
        }
        wordsCache.set(raw, cached);
    }
    return cached;
}

function normalizeValue(value: unknown): string {
    return text(value).trim().toLowerCase();
}

function finiteNumber(value: unknown): number | null {
    if (typeof value === 'number') {
        return Number.isFinite(value) ? value : null;
    }
    if (typeof value === 'string' && value.trim() !== '') {
        const n = Number(value);
        return Number.isFinite(n) ? n : null;
    }
    return null;
}

function isFilled(value: unknown): boolean {
    if (typeof value === 'string') {
        return value.trim().length > 0;
    }
    if (typeof value === 'number') {
        return Number.isFinite(value);
    }
    return value === true;
}

function round1(n: number): number {
    const r = Math.round(n * 10) / 10;
    return Object.is(r, -0) ? 0 : r;
}

function clamp(n: number, lo: number, hi: number): number {
    return n < lo ? lo : n > hi ? hi : n;
}

function signed(points: number): string {
    return points > 0 ? `+${points}` : String(points);
}

/** Parsed dates, bounded: activity dates repeat a lot and Date.parse dominates otherwise. */
const epochCache = new Map<string, number>();
const EPOCH_CACHE_LIMIT = 50_000;

/** Epoch ms of an ISO date or date-time given in any shape; NaN when not a valid date. */
function epochOf(value: unknown): number {
    if (typeof value !== 'string' || value.length < 10) {
        return Number.NaN;
    }
    let ms = epochCache.get(value);
    if (ms === undefined) {
        ms = Date.parse(value.length === 10 ? `${value}T00:00:00.000Z` : value);
        if (epochCache.size >= EPOCH_CACHE_LIMIT) {
            epochCache.clear();
        }
        epochCache.set(value, ms);
    }
    return ms;
}

/** The calendar date of a parsed date string (ISO strings start with it). */
function dateLabel(ms: number, raw: string): string {
    return /^\d{4}-\d{2}-\d{2}/.test(raw)
        ? raw.slice(0, 10)
        : new Date(ms).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// A model compiled once for fast matching (cached per model object)

interface CompiledKeywords {
    rule: { id: string; label: string; points: number };
    keys: string[];
}

interface CompiledModel {
    model: ScoringModel;
    title: CompiledKeywords[];
    industry: { rule: ValueRule; values: Set<string> }[];
    country: { rule: ValueRule; values: Set<string> }[];
    size: RangeRule[];
    freeMail: Set<string>;
    junk: string[];
    negative: { rule: NegativeRule; keys: string[] }[];
    activities: {
        rule: ActivityRule;
        types: Set<string> | null;
        subject: string[] | null;
    }[];
    sources: { rule: ValueRule; values: Set<string> }[];
    decayPerDay: number;
}

const compiledCache = new WeakMap<ScoringModel, CompiledModel>();

function keywordKeys(keywords: readonly unknown[] | undefined): string[] {
    return (keywords ?? []).map(normalizeWords).filter((k) => k.length > 0);
}

function valueSet(values: readonly unknown[] | undefined): Set<string> {
    return new Set((values ?? []).map(normalizeValue).filter((v) => v.length > 0));
}

function compile(model: ScoringModel): CompiledModel {
    const cached = compiledCache.get(model);
    if (cached) {
        return cached;
    }
    const fit = model.fit;
    const compiled: CompiledModel = {
        model,
        title: fit.title.map((rule: KeywordRule) => ({ rule, keys: keywordKeys(rule.keywords) })),
        industry: fit.industry.map((rule) => ({ rule, values: valueSet(rule.values) })),
        country: fit.country.map((rule) => ({ rule, values: valueSet(rule.values) })),
        size: fit.companySize,
        freeMail: valueSet(fit.email.freeMailDomains),
        junk: keywordKeys(fit.email.junkKeywords),
        negative: fit.negative.map((rule) => ({
            rule,
            keys:
                rule.target === 'emailDomain'
                    ? rule.keywords.map(normalizeValue).filter(Boolean)
                    : keywordKeys(rule.keywords)
        })),
        activities: model.engagement.activities.map((rule) => ({
            rule,
            types: rule.types && rule.types.length ? valueSet(rule.types) : null,
            subject:
                rule.subjectKeywords && rule.subjectKeywords.length
                    ? keywordKeys(rule.subjectKeywords)
                    : null
        })),
        sources: model.engagement.leadSource.map((rule) => ({
            rule,
            values: valueSet(rule.values)
        })),
        decayPerDay:
            model.engagement.halfLifeDays > 0 ? Math.LN2 / model.engagement.halfLifeDays : 0
    };
    compiledCache.set(model, compiled);
    return compiled;
}

function containsAny(words: string, keys: readonly string[]): boolean {
    if (!words) {
        return false;
    }
    for (const key of keys) {
        if (words.includes(key)) {
            return true;
        }
    }
    return false;
}

// ---------------------------------------------------------------------------
// Fit

interface Factor {
    id: string;
    dimension: ReasonDimension;
    label: string;
    points: number;
    /** The sentence; for engagement built only for the reasons kept (see `bucket`). */
    text: string;
    bucket?: Bucket;
}

const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;

function addFit(
    acc: { total: number; out: Factor[] },
    id: string,
    label: string,
    points: number,
    sentence: string
): void {
    if (points !== 0 && Number.isFinite(points)) {
        acc.total += points;
        acc.out.push({ id, dimension: 'fit', label, points, text: sentence });
    }
}

function fitFactors(c: CompiledModel, lead: Record<string, unknown>, out: Factor[]): number {
    const fit = c.model.fit;
    const acc = { total: 0, out };

    const title = text(lead.title);
    const titleWords = normalizeWords(title);
    if (titleWords) {
        for (const t of c.title) {
            if (containsAny(titleWords, t.keys)) {
                addFit(
                    acc,
                    t.rule.id,
                    t.rule.label,
                    t.rule.points,
                    `Title "${title.trim()}" counts as ${t.rule.label}: ${signed(t.rule.points)} fit.`
                );
                break;
            }
        }
    }

    const industry = normalizeValue(lead.industry);
    if (industry) {
        for (const r of c.industry) {
            if (r.values.has(industry)) {
                addFit(
                    acc,
                    r.rule.id,
                    r.rule.label,
                    r.rule.points,
                    `Industry ${text(lead.industry).trim()} is a ${r.rule.label}: ${signed(r.rule.points)} fit.`
                );
                break;
            }
        }
    }

    const employees = finiteNumber(lead.numberOfEmployees);
    if (employees !== null) {
        for (const band of c.size) {
            if (employees >= band.min && (band.max === null || employees < band.max)) {
                addFit(
                    acc,
                    band.id,
                    band.label,
                    band.points,
                    `${band.label} (${employees} employees): ${signed(band.points)} fit.`
                );
                break;
            }
        }
    }

    const country = normalizeValue(lead.country);
    if (country) {
        for (const r of c.country) {
            if (r.values.has(country)) {
                addFit(
                    acc,
                    r.rule.id,
                    r.rule.label,
                    r.rule.points,
                    `${text(lead.country).trim()} is a ${r.rule.label}: ${signed(r.rule.points)} fit.`
                );
                break;
            }
        }
    }

    const email = normalizeValue(lead.email);
    let domain = '';
    if (email) {
        const at = email.lastIndexOf('@');
        domain = at >= 0 ? email.slice(at + 1) : '';
        const local = at >= 0 ? email.slice(0, at) : email;
        const junk =
            !EMAIL_SHAPE.test(email) ||
            containsAny(wordsOf(local), c.junk) ||
            containsAny(normalizeWords(domain), c.junk);
        if (junk) {
            addFit(
                acc,
                'email-junk',
                'Junk email',
                fit.email.junkPoints,
                `Email ${email} looks fake or malformed: ${signed(fit.email.junkPoints)} fit.`
            );
        } else if (c.freeMail.has(domain)) {
            addFit(
                acc,
                'email-free',
                'Free-mail address',
                fit.email.freeMailPoints,
                `Email uses the free-mail domain ${domain}: ${signed(fit.email.freeMailPoints)} fit.`
            );
        } else {
            addFit(
                acc,
                'email-business',
                'Business email',
                fit.email.businessPoints,
                `Email uses the company domain ${domain}: ${signed(fit.email.businessPoints)} fit.`
            );
        }
    }

    const completeness = fit.completeness;
    let filled = 0;
    for (const field of completeness.fields) {
        if (isFilled(lead[field])) {
            filled += 1;
        }
    }
    const completenessPoints = filled * completeness.pointsPerField;
    addFit(
        acc,
        'completeness',
        'Complete record',
        completenessPoints,
        `${filled} of ${completeness.fields.length} key fields are filled in: ${signed(completenessPoints)} fit.`
    );

    for (const n of c.negative) {
        let hit = false;
        if (n.rule.target === 'emailDomain') {
            hit = domain !== '' && n.keys.some((k) => domain === k || domain.endsWith(`.${k}`));
        } else {
            hit = containsAny(normalizeWords(lead[n.rule.target]), n.keys);
        }
        if (hit) {
            const what =
                n.rule.target === 'emailDomain'
                    ? `email domain ${domain}`
                    : `${n.rule.target} "${text(lead[n.rule.target]).trim()}"`;
            addFit(
                acc,
                n.rule.id,
                n.rule.label,
                n.rule.points,
                `${n.rule.label} (${what}): ${signed(n.rule.points)} fit.`
            );
        }
    }
    return acc.total;
}

// ---------------------------------------------------------------------------
// Engagement

interface Bucket {
    id: string;
    label: string;
    category: EngagementCategory;
    points: number;
    count: number;
    latestMs: number;
    latestDate: string;
    what: string;
}

interface EventContext {
    nowMs: number;
    maxAgeMs: number;
    decayPerDay: number;
    buckets: Bucket[];
    /** Decayed points per category, in ENGAGEMENT_CATEGORIES order. */
    sums: [number, number, number];
}

function addEventTo(
    ctx: EventContext,
    category: EngagementCategory,
    id: string,
    label: string,
    points: number,
    eventDate: unknown,
    what: string
): void {
    const eventMs = epochOf(eventDate);
    if (!Number.isFinite(eventMs) || !Number.isFinite(points) || points === 0) {
        return;
    }
    const ageMs = ctx.nowMs - eventMs;
    if (ageMs < 0 || ageMs > ctx.maxAgeMs) {
        return; // not happened yet, or too old to count
    }
    const decayed = points * Math.exp((-ctx.decayPerDay * ageMs) / MS_PER_DAY);
    ctx.sums[category === 'activity' ? 0 : category === 'campaign' ? 1 : 2] += decayed;
    let bucket: Bucket | undefined;
    for (const b of ctx.buckets) {
        if (b.id === id) {
            bucket = b;
            break;
        }
    }
    if (!bucket) {
        bucket = {
            id,
            label,
            category,
            points: 0,
            count: 0,
            latestMs: eventMs,
            latestDate: eventDate as string,
            what
        };
        ctx.buckets.push(bucket);
    }
    bucket.points += decayed;
    bucket.count += 1;
    if (eventMs > bucket.latestMs) {
        bucket.latestMs = eventMs;
        bucket.latestDate = eventDate as string;
        bucket.what = what;
    }
}

function bucketText(b: Bucket, points: number): string {
    const when = dateLabel(b.latestMs, b.latestDate);
    if (b.category === 'campaign') {
        return b.count === 1
            ? `${b.label}: ${b.what} (${when}): ${signed(points)} engagement.`
            : `${b.label} ×${b.count}, latest ${b.what} (${when}): ${signed(points)} engagement.`;
    }
    if (b.category === 'source') {
        return `Came in through ${b.what} (${when}): ${signed(points)} engagement.`;
    }
    return b.count === 1
        ? `${b.label}: "${b.what}" (${when}): ${signed(points)} engagement.`
        : `${b.label} ×${b.count}, latest "${b.what}" (${when}): ${signed(points)} engagement.`;
}

function engagementFactors(
    c: CompiledModel,
    input: ScoringInput,
    lead: Record<string, unknown>,
    nowMs: number,
    out: Factor[]
): number {
    const eng = c.model.engagement;
    const maxAgeMs = eng.maxAgeDays === null ? Infinity : eng.maxAgeDays * MS_PER_DAY;

    const ctx: EventContext = {
        nowMs,
        maxAgeMs,
        decayPerDay: c.decayPerDay,
        buckets: [],
        sums: [0, 0, 0]
    };

    const activities = Array.isArray(input.activities) ? input.activities : [];
    for (const a of activities) {
        if (!a || typeof a !== 'object') {
            continue;
        }
        const status = normalizeValue(a.status);
        if (a.kind !== 'Event' && status !== '' && status !== 'completed') {
            continue; // open tasks are plans, not engagement
        }
        const subjectWords = normalizeWords(a.subject);
        const type = normalizeValue(a.type);
        for (const r of c.activities) {
            if (r.rule.kind && r.rule.kind !== a.kind) {
                continue;
            }
            if (r.types && !r.types.has(type)) {
                continue;
            }
            if (r.subject && !containsAny(subjectWords, r.subject)) {
                continue;
            }
            addEventTo(
                ctx,
                'activity',
                r.rule.id,
                r.rule.label,
                r.rule.points,
                Number.isFinite(epochOf(a.activityDate)) ? a.activityDate : a.createdDate,
                text(a.subject).trim() || r.rule.label
            );
            break;
        }
    }

    const members = Array.isArray(input.campaignMembers) ? input.campaignMembers : [];
    for (const m of members) {
        if (!m || typeof m !== 'object') {
            continue;
        }
        const name = text(input.campaignNames?.[text(m.campaignId)]) || 'a campaign';
        if (m.hasResponded === true) {
            addEventTo(
                ctx,
                'campaign',
                'campaign-response',
                'Campaign response',
                eng.campaign.respondedPoints,
                Number.isFinite(epochOf(m.firstRespondedDate))
                    ? m.firstRespondedDate
                    : m.createdDate,
                name
            );
        } else {
            addEventTo(
                ctx,
                'campaign',
                'campaign-member',
                'Campaign member',
                eng.campaign.memberPoints,
                m.createdDate,
                name
            );
        }
    }

    const source = normalizeValue(lead.leadSource);
    if (source) {
        for (const r of c.sources) {
            if (r.values.has(source)) {
                addEventTo(
                    ctx,
                    'source',
                    r.rule.id,
                    r.rule.label,
                    r.rule.points,
                    lead.createdDate,
                    text(lead.leadSource).trim()
                );
                break;
            }
        }
    }

    for (const b of ctx.buckets) {
        const points = round1(b.points);
        if (points !== 0) {
            out.push({
                id: b.id,
                dimension: 'engagement',
                label: b.label,
                points,
                text: '',
                bucket: b
            });
        }
    }

    let total = 0;
    for (let i = 0; i < ENGAGEMENT_CATEGORIES.length; i++) {
        const category = ENGAGEMENT_CATEGORIES[i];
        const cap = eng.caps[category];
        let value = ctx.sums[i];
        if (value > cap) {
            const cut = round1(cap - value);
            if (cut !== 0) {
                out.push({
                    id: `cap-${category}`,
                    dimension: 'engagement',
                    label: `${category} cap`,
                    points: cut,
                    text: `${category[0].toUpperCase()}${category.slice(1)} points are capped at ${cap}: ${signed(cut)} engagement.`
                });
            }
            value = cap;
        }
        total += value;
    }
    return total < 0 ? 0 : total;
}

// ---------------------------------------------------------------------------
// Grade, band, tier, summary

export function gradeFor(fitPoints: number, grades: ScoringModel['grades']): FitGrade {
    if (fitPoints >= grades.A) {
        return 'A';
    }
    if (fitPoints >= grades.B) {
        return 'B';
    }
    if (fitPoints >= grades.C) {
        return 'C';
    }
    return 'D';
}

export function bandFor(engagement: number, bands: ScoringModel['bands']): EngagementBand {
    for (const b of bands) {
        if (engagement >= b.min && (b.max === null || engagement < b.max)) {
            return b.band;
        }
    }
    // Validated models cover [0, ∞); a hand-made one may not: the lowest band then.
    let lowest: EngagementBand = 'None';
    let lowestMin = Infinity;
    for (const b of bands) {
        if (b.min < lowestMin) {
            lowestMin = b.min;
            lowest = b.band;
        }
    }
    return lowest;
}

const BAND_WORDS: Record<EngagementBand, string> = {
    High: 'high engagement',
    Medium: 'medium engagement',
    Low: 'low engagement',
    None: 'no recent engagement'
};

function byStrength(a: Factor, b: Factor): number {
    const d = Math.abs(b.points) - Math.abs(a.points);
    if (d !== 0) {
        return d;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const SUMMARY_MAX = 255;

function summaryFor(
    tier: Tier,
    grade: FitGrade,
    band: EngagementBand,
    salesReady: boolean,
    reasons: readonly ScoreReason[]
): string {
    const head = `${tier}${salesReady ? ', sales-ready' : ''}: fit ${grade}, ${BAND_WORDS[band]}.`;
    let up = '';
    let down = '';
    let ups = 0;
    for (const r of reasons) {
        if (r.points > 0 && ups < 2) {
            up = ups === 0 ? r.label : `${up}, ${r.label}`;
            ups += 1;
        } else if (r.points < 0 && !down) {
            down = r.label;
        }
    }
    let sentence = head;
    if (up) {
        sentence += ` Up: ${up}.`;
    }
    if (down) {
        sentence += ` Down: ${down}.`;
    }
    return sentence.length > SUMMARY_MAX ? `${sentence.slice(0, SUMMARY_MAX - 1)}…` : sentence;
}

/**
 * Scores a lead. `now` is the clock for decay (pass the same `now` to get the same result).
 * Fields the lead does not carry (not queried, hidden by field-level security) count as
 * unknown: no points either way.
 */
export function scoreLead(input: ScoringInput, model: ScoringModel, now: Date): ScoreResult {
    const c = compile(model);
    const safeInput: ScoringInput =
        input && typeof input === 'object'
            ? input
            : ({ lead: {}, activities: [], campaignMembers: [] } as unknown as ScoringInput);
    const lead = (
        safeInput.lead && typeof safeInput.lead === 'object' ? safeInput.lead : {}
    ) as Record<string, unknown>;
    const nowMs = now instanceof Date && Number.isFinite(now.getTime()) ? now.getTime() : 0;

    const factors: Factor[] = [];
    const fitPoints = round1(fitFactors(c, lead, factors));
    const engagement = round1(engagementFactors(c, safeInput, lead, nowMs, factors));

    const fitGrade = gradeFor(fitPoints, model.grades);
    const engagementBand = bandFor(engagement, model.bands);
    const tier = model.matrix[fitGrade]?.[engagementBand] ?? 'Cold';
    const salesReady = model.salesReadyTiers.includes(tier);

    const wf = model.scoreWeights.fit;
    const we = model.scoreWeights.engagement;
    const weights = wf + we;
    const blended =
        weights > 0
            ? (clamp(fitPoints, 0, 100) * wf + clamp(engagement, 0, 100) * we) / weights
            : 0;
    const score = Number.isFinite(blended) ? Math.round(blended) : 0;

    factors.sort(byStrength);
    const keep = Math.min(factors.length, Math.max(0, model.maxReasons));
    const reasons: ScoreReason[] = new Array(keep);
    for (let i = 0; i < keep; i++) {
        const f = factors[i];
        const points = round1(f.points);
        reasons[i] = {
            dimension: f.dimension,
            id: f.id,
            label: f.label,
            points,
            text: f.bucket ? bucketText(f.bucket, points) : f.text
        };
    }
    return {
        score,
        fitGrade,
        fitPoints,
        engagement,
        engagementBand,
        tier,
        salesReady,
        reasons,
        summary: summaryFor(tier, fitGrade, engagementBand, salesReady, reasons)
    };
}
