import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';

const PAGE = 50;

/** The Lead list view: open leads by score, 50 a page, with cursor paging. */
export default class LeadList extends LightningElement {
    after = null;
    cursors = [];
    leads = [];
    totalCount = 0;
    hasNext = false;
    endCursor = null;
    errors;
    loading = true;

    @wire(graphql, {
        query: gql`
            query leadList($first: Int, $after: String) {
                uiapi {
                    query {
                        Lead(
                            first: $first
                            after: $after
                            where: { IsConverted: { eq: false } }
                            orderBy: { LL_Score__c: { order: DESC, nulls: LAST } }
                        ) {
                            edges {
                                node {
                                    Id
                                    Name {
                                        value
                                    }
                                    Company {
                                        value
                                    }
                                    Title {
                                        value
                                    }
                                    Status {
                                        value
                                        displayValue
                                    }
                                    LL_Tier__c {
                                        value
                                        displayValue
                                    }
                                    LL_Score__c {
                                        value
                                        displayValue
                                    }
                                    Owner {
                                        Name {
                                            value
                                        }
                                    }
                                }
                            }
                            pageInfo {
                                hasNextPage
                                endCursor
                            }
                            totalCount
                        }
                    }
                }
            }
        `,
        variables: '$variables'
    })
    handleLeads({ data, errors }) {
        this.loading = false;
        this.errors = errors?.map((e) => e.message).join(' ');
        const page = data?.uiapi?.query?.Lead;
        if (!page) return;
        this.totalCount = page.totalCount;
        this.hasNext = page.pageInfo.hasNextPage;
        this.endCursor = page.pageInfo.endCursor;
        this.leads = page.edges.map(({ node }) => ({
            id: node.Id,
            pageReference: {
                type: 'standard__recordPage',
                attributes: { recordId: node.Id, objectApiName: 'Lead', actionName: 'view' }
            },
            name: node.Name?.value,
            company: node.Company?.value,
            title: node.Title?.value,
            status: node.Status?.displayValue ?? node.Status?.value,
            tier: node.LL_Tier__c?.displayValue ?? node.LL_Tier__c?.value ?? '',
            score: node.LL_Score__c?.value ?? '',
            owner: node.Owner?.Name?.value ?? ''
        }));
    }

    get variables() {
        return { first: PAGE, after: this.after };
    }

    get noPrevious() {
        return this.cursors.length === 0;
    }

    get noNext() {
        return !this.hasNext;
    }

    get pageLabel() {
        const from = this.cursors.length * PAGE + 1;
        const to = from + this.leads.length - 1;
        return `${from}–${to} of ${this.totalCount}`;
    }

    next() {
        this.cursors = [...this.cursors, this.after];
        this.after = this.endCursor;
    }

    previous() {
        const c = [...this.cursors];
        this.after = c.pop() ?? null;
        this.cursors = c;
    }
}
