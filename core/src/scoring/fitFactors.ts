/**
 * Fit: how well a lead matches the ideal customer (title, industry, company size, country,
 * email, completeness, negative signals). Each matching rule becomes a factor with its
 * sentence; the first matching rule of a kind wins.
 */
import { containsAny, type CompiledModel } from './compiledModel';
import {
    finiteNumber,
    isFilled,
    normalizeValue,
    normalizeWords,
    text,
    wordsOf
} from './leadValues';
import { signed, type Factor } from './reasons';

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

/** Adds the fit factors of a lead to `out`; returns the fit points before the grade. */
export function fitFactors(c: CompiledModel, lead: Record<string, unknown>, out: Factor[]): number {
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
