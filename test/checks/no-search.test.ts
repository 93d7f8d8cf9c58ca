import { describe } from 'node:test';
import { noSearch } from '../../src/checks/no-search.js';
import { homeSignalCases } from './factsfor.js';

describe('no-search', () => homeSignalCases(noSearch, 'search'));
