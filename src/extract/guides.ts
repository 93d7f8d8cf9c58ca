/**
 * Service guides (办事指南): which of the element categories of SPEC §3.1 a guide shows, by name or
 * synonym. The first four are in the official table (C), the other four our default (D).
 */
export const GUIDE_ELEMENTS: readonly [name: string, pattern: RegExp][] = [
  ['事项名称', /事项名称|项目名称|服务名称|事项全称/],
  ['设定依据', /设定依据|法律依据|办理依据|实施依据|政策依据|法定依据/],
  ['申请条件', /申请条件|受理条件|办理条件|申报条件|准入条件/],
  ['办理材料', /办理材料|申请材料|申报材料|所需材料|提交材料|材料目录|申请资料/],
  ['办理地点', /办理地点|受理地点|办公地址|办理地址|窗口地址|受理地址/],
  ['办理时间', /办理时间|受理时间|办公时间|工作时间|窗口时间/],
  ['联系电话', /联系电话|咨询电话|联系方式|咨询方式|监督电话|投诉电话|咨询途径/],
  ['办理流程', /办理流程|办事流程|办理程序|审批流程|办理环节|办理步骤|流程图/],
];

export interface GuideFacts {
  present: string[];
  missing: string[];
}

/** A page is a guide when its title says so, or it names at least three of the elements. */
export function extractGuide(title: string, text: string): GuideFacts | null {
  const present = GUIDE_ELEMENTS.filter(([, p]) => p.test(text)).map(([n]) => n);
  // a guide names its elements; a page titled 办事指南 that names none is the list of guides
  if (present.length === 0 || (!/办事指南|服务指南/.test(title) && present.length < 3)) return null;
  return { present, missing: GUIDE_ELEMENTS.map(([n]) => n).filter((n) => !present.includes(n)) };
}
