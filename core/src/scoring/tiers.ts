/**
 * From points to a tier: fit points to a grade, engagement points to a band; the model's
 * matrix then gives the tier (see scoreLead).
 */
import type { FitGrade } from '../types';
import type { EngagementBand, ScoringModel } from './model';

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
