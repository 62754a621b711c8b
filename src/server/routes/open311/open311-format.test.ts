import { describe, expect, it } from 'vitest';
import { formatW3c, parseW3c, renderOpen311 } from './open311-format.ts';
import { statesFor, toExtendedStatus, toOpen311Status } from './open311-status.ts';

describe('Open311 formatting', () => {
  it('writes W3C date-times in China Standard Time with whole seconds', () => {
    expect(formatW3c(new Date('2026-03-10T02:00:00.999Z'))).toBe('2026-03-10T10:00:00+08:00');
    expect(formatW3c(new Date('2026-12-31T20:30:05Z'))).toBe('2027-01-01T04:30:05+08:00');
  });
  it('reads W3C date-times with a zone, and bare dates as midnight in China', () => {
    expect(parseW3c('2026-03-10T10:00:00+08:00')?.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(parseW3c('2026-03-10T02:00Z')?.toISOString()).toBe('2026-03-10T02:00:00.000Z');
    expect(parseW3c('2026-03-10')?.toISOString()).toBe('2026-03-09T16:00:00.000Z');
    expect(parseW3c('2026-03-10T10:00:00')).toBeNull();
    expect(parseW3c('yesterday')).toBeNull();
  });
  it('renders containers as arrays in JSON and repeated children in XML, escaping text', () => {
    const services = [{ service_code: 'E0101', metadata: false, service_name: 'a<b>&"c"' }];
    expect(renderOpen311('json', 'services', services)).toBe('[{"service_code":"E0101","metadata":false,"service_name":"a<b>&\\"c\\""}]');
    expect(renderOpen311('xml', 'services', services)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<services><service><service_code>E0101</service_code><metadata>false</metadata>'
      + '<service_name>a&lt;b&gt;&amp;&quot;c&quot;</service_name></service></services>',
    );
    expect(renderOpen311('xml', 'errors', [{ code: '400', description: 'x\u0001y' }])).toContain('<description>xy</description>');
  });
});

describe('Open311 status mapping', () => {
  it('maps every state to open/closed and an extended status', () => {
    expect(toOpen311Status('resolved')).toBe('open');
    expect(toOpen311Status('merged')).toBe('closed');
    expect(toExtendedStatus('dispatched')).toBe('action_scheduled');
    expect(toExtendedStatus('declined')).toBe('no_further_action');
    expect(statesFor(['closed'])).toEqual(['closed', 'declined', 'merged']);
  });
});
