import { attachmentBroken } from './attachment-broken.js';
import { columnEmpty } from './column-empty.js';
import { columnStale } from './column-stale.js';
import { columnsNotUpdated } from './columns-not-updated.js';
import { deadLink } from './dead-link.js';
import { duplicateArticle } from './duplicate-article.js';
import { guideMissingElements } from './guide-missing-elements.js';
import { homepageAvailability } from './homepage-availability.js';
import { homepageLowVolume } from './homepage-low-volume.js';
import { homepageNotUpdated } from './homepage-not-updated.js';
import { interviewInactive } from './interview-inactive.js';
import { lettersUnanswered } from './letters-unanswered.js';
import { missingSiteIdentifier } from './missing-site-identifier.js';
import { noConsultationChannel } from './no-consultation-channel.js';
import { noErrorReportEntry } from './no-error-report-entry.js';
import { noPublishedReplies } from './no-published-replies.js';
import { noSearch } from './no-search.js';
import { onlineSystemUnreachable } from './online-system-unreachable.js';
import { replyBoilerplate } from './reply-boilerplate.js';
import { seriousError } from './serious-error.js';
import { servicesNotPractical } from './services-not-practical.js';
import { siteUnreachable } from './site-unreachable.js';
import { slowReplies } from './slow-replies.js';
import { surveyInactive } from './survey-inactive.js';
import type { Check } from './types.js';

/** Every rule of SPEC §3, vetoes first: an explicit list, no directory scanning. */
export const ALL_CHECKS: readonly Check[] = [
  siteUnreachable, homepageNotUpdated, columnsNotUpdated, seriousError, noConsultationChannel, lettersUnanswered, servicesNotPractical,
  deadLink, homepageAvailability, noSearch, noErrorReportEntry, missingSiteIdentifier,
  columnStale, columnEmpty, homepageLowVolume, duplicateArticle,
  noPublishedReplies, replyBoilerplate, slowReplies, surveyInactive, interviewInactive,
  guideMissingElements, attachmentBroken, onlineSystemUnreachable,
];

/** The rule a finding counts for: its own id, or the check that reports that finer id (SPEC §5). */
const FEEDS = new Map(ALL_CHECKS.flatMap((c) => Object.keys(c.meta.findings ?? {}).map((finding) => [finding, c.meta.id] as const)));

export const ruleOfFinding = (findingRule: string): string => FEEDS.get(findingRule) ?? findingRule;
