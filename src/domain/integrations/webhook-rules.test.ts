import { describe, expect, it } from 'vitest';
import { wantsEvent, webhookRetryDelayMs, webhookUrlProblem } from './webhook-rules.ts';

describe('webhook rules', () => {
  it('backs off by doubling from the base, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => webhookRetryDelayMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(webhookRetryDelayMs(20, 30_000)).toBe(3_600_000);
  });

  it('refuses non-http(s) targets, credentials in the URL and the server itself', () => {
    const own = ['https://311.example.gov.cn', 'http://127.0.0.1:3000'];
    expect(webhookUrlProblem('ftp://partner.example/x', own)).toBe('not_http');
    expect(webhookUrlProblem('file:///etc/passwd', own)).toBe('not_http');
    expect(webhookUrlProblem('https://u:p@partner.example/x', own)).toBe('credentials');
    expect(webhookUrlProblem('https://311.example.gov.cn:443/hook', own)).toBe('self');
    expect(webhookUrlProblem('http://127.0.0.1:3000/x', own)).toBe('self');
    expect(webhookUrlProblem('https://12345.example.gov.cn/hook', own)).toBeNull();
  });

  it('matches event kinds, * for all', () => {
    expect(wantsEvent(['*'], 'case.dispatch')).toBe(true);
    expect(wantsEvent(['case.report'], 'case.dispatch')).toBe(false);
  });
});
