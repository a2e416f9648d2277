/**
 * A scoring model compiled once for fast matching: keywords as normalized whole words,
 * values as sets, the decay rate per day. Cached per model object, so scoring many leads
 * with one model compiles it once.
 */
import type {
    ActivityRule,
    KeywordRule,
    NegativeRule,
    RangeRule,
    ScoringModel,
    ValueRule
} from './model';
import { normalizeValue, normalizeWords } from './leadValues';

interface CompiledKeywords {
    rule: { id: string; label: string; points: number };
    keys: string[];
}

export interface CompiledModel {
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

/** The model compiled for matching, once per model object. */
export function compile(model: ScoringModel): CompiledModel {
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

/** Whether the words (see normalizeWords) contain any of the keys as whole words. */
export function containsAny(words: string, keys: readonly string[]): boolean {
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
