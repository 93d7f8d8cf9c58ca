import { ruleOfFinding } from '../checks/index.js';
import { evidenceText } from '../report/evidence.js';
import { LABELS, ruleTitle, type Lang } from '../report/labels.js';
import type { AuditReport, SiteReport } from '../report/model.js';
import { addWorkingDays } from '../working-days.js';

/** Who issues the notices and when; the deadline counts working days from the date. */
export interface NoticeOptions {
  office: string;
  date: string;
  workingDays: number;
  lang: Lang;
}

export interface NoticeProblem {
  no: number;
  id: string;
  rule: string;
  title: string;
  veto: boolean;
  url: string;
  observed: string;
  firstSeen: string;
}

/** A rectification notice (整改通知): everything the renderers print, already in words. */
export interface Notice {
  lang: Lang;
  site: Pick<SiteReport, 'id' | 'name' | 'url' | 'level' | 'region'>;
  title: string;
  office: string;
  date: string;
  deadline: string;
  asOf: string;
  profile: string;
  run: number;
  intro: string;
  verdictLine: string;
  problems: NoticeProblem[];
  replyIntro: string;
  replyColumns: string[];
}

const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** One notice per unqualified site of the report (or only the named site). */
export function noticesOf(report: AuditReport, options: NoticeOptions, siteId?: string): Notice[] {
  return report.sites.filter((s) => s.verdict === 'unqualified' && (siteId === undefined || s.id === siteId)).map((s) => noticeOf(report, s, options));
}

function noticeOf(report: AuditReport, site: SiteReport, o: NoticeOptions): Notice {
  const deadline = addWorkingDays(o.date, o.workingDays);
  const name = site.name ?? site.id;
  // the veto problems first: they alone make the site unqualified
  const ordered = [...site.findings].sort((a, b) => Number(site.vetoes.includes(ruleOfFinding(b.rule))) - Number(site.vetoes.includes(ruleOfFinding(a.rule))));
  const problems = ordered.map((f, i): NoticeProblem => ({
    no: i + 1, id: f.id, rule: f.rule, title: ruleTitle(f.rule, o.lang), veto: site.vetoes.includes(ruleOfFinding(f.rule)),
    url: f.url, observed: evidenceText(f, o.lang), firstSeen: f.firstSeen,
  }));
  const vetoes = site.vetoes.map((v) => ruleTitle(v, o.lang)).join(o.lang === 'zh' ? '、' : ', ');
  if (o.lang === 'en') {
    return {
      lang: 'en', site, office: o.office, date: o.date, deadline, asOf: report.asOf, profile: report.profile, run: report.run, problems,
      title: `Rectification notice: ${name}`,
      intro: `Under the government website inspection rules (profile ${report.profile}), ${o.office} checked the website ${name} (${site.url}) as of ${report.asOf}. The site was found ${LABELS.en.unqualified}. The problems and their evidence are listed below. Please rectify them and reply in writing by ${deadline} (${o.workingDays} working days).`,
      verdictLine: `Verdict: ${LABELS.en.unqualified}${vetoes ? `; single-veto rules: ${vetoes}` : `; score ${site.score}`}.`,
      replyIntro: `Reply form: for each problem, the measure taken, the date it was completed and a contact.`,
      replyColumns: ['No.', 'Problem', 'Measure taken', 'Completed on', 'Contact'],
    };
  }
  return {
    lang: 'zh', site, office: o.office, date: o.date, deadline, asOf: report.asOf, profile: report.profile, run: report.run, problems,
    title: `关于${name}存在问题的整改通知`,
    intro: `根据政府网站检查指标（${report.profile}），${o.office}于${zhDate(report.asOf)}对${name}（${site.url}）进行了检查，检查结论为${LABELS.zh.unqualified}。现将发现的问题及证据通知如下，请认真整改，并于${zhDate(deadline)}前（${o.workingDays}个工作日内）将整改情况书面报送${o.office}。`,
    verdictLine: `检查结论：${LABELS.zh.unqualified}${vetoes ? `（单项否决：${vetoes}）` : `（得分${site.score}）`}。`,
    replyIntro: '整改情况回复表：请逐项填写整改措施、完成时间和联系人。',
    replyColumns: ['序号', '问题', '整改措施', '完成时间', '联系人'],
  };
}
