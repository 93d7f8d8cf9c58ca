import { defineCheck } from './types.js';

/** Deduction 办事服务: an online service system that cannot be reached. govsite does not yet find such systems: not assessed. */
export const onlineSystemUnreachable = defineCheck({
  meta: { id: 'online-system-unreachable', title: { zh: '在线办事系统无法访问', en: 'Online system unreachable' }, indicator: { zh: '办事服务 · 在线办理', en: 'Services · online systems' }, requires: [] },
  defaultOptions: {},
  run() {
    return { kind: 'not-assessed', reason: 'online service systems are not identified yet' };
  },
});
