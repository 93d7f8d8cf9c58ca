import { describe } from 'node:test';
import { noErrorReportEntry } from '../../src/checks/no-error-report-entry.js';
import { homeSignalCases } from './factsfor.js';

describe('no-error-report-entry', () => homeSignalCases(noErrorReportEntry, 'errorReportEntry'));
