import robotsParserModule from 'robots-parser';
import type { FetchOutcome } from './outcome.js';

export interface RobotsRules {
  isAllowed(url: string): boolean;
  /** seconds, when robots.txt sets Crawl-delay for us */
  crawlDelay: number | undefined;
  /** why the rules are what they are, for the log */
  source: 'file' | 'none' | 'unavailable';
}

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// a CommonJS module whose export is the function itself
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

/**
 * robots.txt, fetched once per origin and shared by every site of the run on that origin.
 * Only a 2xx file restricts: a 4xx means there are no rules, and an unreachable robots.txt is
 * treated the same so the home page fetch itself reports the outage.
 */
export class RobotsCache {
  private readonly rules = new Map<string, Promise<RobotsRules>>();

  constructor(private readonly fetchRobots: (robotsUrl: string) => Promise<FetchOutcome>, private readonly userAgent: string) {}

  for(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let rules = this.rules.get(origin);
    if (!rules) {
      rules = this.load(`${origin}/robots.txt`);
      this.rules.set(origin, rules);
    }
    return rules;
  }

  private async load(robotsUrl: string): Promise<RobotsRules> {
    const outcome = await this.fetchRobots(robotsUrl);
    if (!outcome.ok || outcome.status < 200 || outcome.status >= 300) {
      return { isAllowed: () => true, crawlDelay: undefined, source: outcome.ok && outcome.status < 500 ? 'none' : 'unavailable' };
    }
    const robot: Robot = robotsParser(robotsUrl, outcome.body.toString('utf8'));
    const agent = this.userAgent;
    return {
      isAllowed: (url) => robot.isAllowed(url, agent) !== false,
      crawlDelay: robot.getCrawlDelay(agent),
      source: 'file',
    };
  }
}
