import { gql } from 'lightning/graphql';
import {
    AUDIT_RUN,
    FUNNEL_AGGREGATE_QUERIES,
    FUNNEL_READS,
    graphqlSelection,
    LINKED_REPORTS,
    REPORT_LINK,
    SETTINGS
} from 'c/leadLoopCore';

/**
 * What the page needs before (and besides) the aggregates, in one request read with the
 * core's `FUNNEL_READS`: the active settings (status mapping, dead-lead days), the stored
 * report links (ids by DeveloperName, written by `leadloop link-reports`: the UI API does
 * not serve Report itself) and the latest audit run's figures (what aggregates cannot give).
 * Three subqueries of objects the UI API serves; the filters are the package's constants.
 */
export const FUNNEL_SETTINGS_QUERY = gql`
    query leadLoopFunnelSettings {
        uiapi {
            query {
                ${SETTINGS.objectApiName}(where: { LL_Active__c: { eq: true } }, first: 1) {
                    edges {
                        node {
                            ${graphqlSelection(FUNNEL_READS[SETTINGS.objectApiName])}
                        }
                    }
                }
                ${REPORT_LINK.objectApiName}(
                    where: { ${REPORT_LINK.fields.developerName}: { in: ${JSON.stringify(LINKED_REPORTS)} } }
                    first: ${LINKED_REPORTS.length}
                ) {
                    edges {
                        node {
                            ${graphqlSelection(FUNNEL_READS[REPORT_LINK.objectApiName])}
                        }
                    }
                }
                ${AUDIT_RUN.objectApiName}(
                    where: { ${AUDIT_RUN.fields.ranAt}: { ne: null } }
                    orderBy: { ${AUDIT_RUN.fields.ranAt}: { order: DESC } }
                    first: 1
                ) {
                    edges {
                        node {
                            ${graphqlSelection(FUNNEL_READS[AUDIT_RUN.objectApiName])}
                        }
                    }
                }
            }
        }
    }
`;

/**
 * The funnel's lead counts as GraphQL aggregates (the core's partitions), never every
 * lead: one document per request, each within the platform's 10 subqueries per query.
 */
export const FUNNEL_QUERIES = FUNNEL_AGGREGATE_QUERIES.map(
    (query) => gql`
        ${query}
    `
);
