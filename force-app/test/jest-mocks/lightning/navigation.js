/** lightning/navigation for jest: records every Navigate / GenerateUrl call. */
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const mockNavigate = jest.fn();
export const mockGenerateUrl = jest.fn();

export const NavigationMixin = (Base) =>
    class extends Base {
        [Navigate](pageReference, replace) {
            mockNavigate({ pageReference, replace });
        }
        [GenerateUrl](pageReference) {
            mockGenerateUrl({ pageReference });
            return Promise.resolve('/lightning/r/mock');
        }
    };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The page reference of the latest Navigate call (undefined if none). */
export const getNavigateCalledWith = () =>
    mockNavigate.mock.calls.length
        ? mockNavigate.mock.lastCall[0]
        : { pageReference: undefined, replace: undefined };
