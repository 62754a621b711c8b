/**
 * Open311 GeoReport v2 conformance, written from the spec text (reference/open311.md §1):
 * discovery, services, service definitions, formats and error shapes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { open311Get } from '../support/open311-client.ts';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('formats', () => {
  it('answers XML with the UTF-8 declaration and text/xml, JSON with application/json', async () => {
    const x = await open311Get(t.app, '/services.xml');
    expect(x.status).toBe(200);
    expect(x.contentType).toBe('text/xml; charset=utf-8');
    expect(x.raw.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const j = await open311Get(t.app, '/services.json');
    expect(j.contentType).toBe('application/json; charset=utf-8');
  });
  it('answers an unknown suffix with 404 and an errors document', async () => {
    const res = await open311Get(t.app, '/services.html');
    expect(res.status).toBe(404);
    expect(res.body.errors.error[0].code).toBe('404');
  });
  it('answers an unknown resource with 404 in the requested format', async () => {
    const res = await open311Get(t.app, '/nothing.json');
    expect(res.status).toBe(404);
    expect(res.body[0]).toMatchObject({ code: 404 });
  });
});

describe('service discovery', () => {
  it.each(['xml', 'json'])('lists changeset, contact, key_service and at least two endpoints (%s)', async (format) => {
    const res = await open311Get(t.app, `/discovery.${format}`);
    expect(res.status).toBe(200);
    const doc = format === 'xml' ? res.body.discovery : res.body;
    expect(doc.changeset).toBeTruthy();
    expect(doc.contact).toBeTruthy();
    expect(doc.key_service).toBeTruthy();
    const endpoints = format === 'xml' ? doc.endpoints.endpoint : doc.endpoints;
    expect(endpoints.length).toBeGreaterThanOrEqual(2);
    for (const endpoint of endpoints) {
      expect(endpoint.url).toMatch(/\/open311\/v2$/);
      expect(['production', 'test']).toContain(endpoint.type);
      const formats = format === 'xml' ? endpoint.formats.format : endpoint.formats;
      expect(formats).toEqual(['text/xml', 'application/json']);
    }
    expect(endpoints[0].specification).toBe('http://wiki.open311.org/GeoReport_v2');
    expect(Date.parse(doc.changeset)).toBeLessThan(Date.now());
  });
});

describe('GET services', () => {
  it('returns a top-level JSON array of public categories with string codes and boolean metadata', async () => {
    const res = await open311Get(t.app, '/services.json');
    expect(Array.isArray(res.body)).toBe(true);
    const codes = res.body.map((s: { service_code: string }) => s.service_code);
    expect(codes).toContain('E0502');
    expect(codes).toContain('H05');
    expect(codes).not.toContain('Q01'); // enterprise demands are not public services
    const collapse = res.body.find((s: { service_code: string }) => s.service_code === 'E0502');
    expect(collapse).toMatchObject({ metadata: true, type: 'realtime' });
    expect(typeof collapse.service_name).toBe('string');
    expect(typeof collapse.group).toBe('string');
    const plain = res.body.find((s: { service_code: string }) => s.service_code === 'E0101');
    expect(plain.metadata).toBe(false);
  });
  it('returns the same list as services/service[] in XML', async () => {
    const json = await open311Get(t.app, '/services.json');
    const xml = await open311Get(t.app, '/services.xml');
    expect(xml.body.services.service.length).toBe(json.body.length);
    expect(xml.body.services.service[0].metadata).toMatch(/^(true|false)$/);
  });
  it('accepts a known jurisdiction_id, treats an empty one as absent and rejects an unknown one with 404', async () => {
    expect((await open311Get(t.app, '/services.json?jurisdiction_id=220106')).status).toBe(200);
    expect((await open311Get(t.app, '/services.json?jurisdiction_id=')).status).toBe(200);
    const res = await open311Get(t.app, '/services.xml?jurisdiction_id=sfgov.org');
    expect(res.status).toBe(404);
    expect(res.body.errors.error[0].description).toContain('OPEN311_JURISDICTION_UNKNOWN');
  });
});

describe('GET services/{service_code}', () => {
  it('returns a JSON object with ordered attributes, booleans and values', async () => {
    const res = await open311Get(t.app, '/services/E0502.json');
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body)).toBe(false);
    expect(res.body.service_code).toBe('E0502');
    const [notice, size] = res.body.attributes;
    expect(notice).toMatchObject({ code: 'notice', variable: false, required: false, order: 1, datatype: 'string' });
    expect(size).toMatchObject({ code: 'size', variable: true, required: true, order: 2, datatype: 'singlevaluelist' });
    expect(size.values.map((v: { key: string }) => v.key)).toEqual(['small', 'medium', 'large']);
    expect(typeof size.datatype_description).toBe('string');
  });
  it('returns service_definition/attributes/attribute[] in XML', async () => {
    const res = await open311Get(t.app, '/services/C0107.xml');
    const def = res.body.service_definition;
    expect(def.service_code).toBe('C0107');
    const problems = def.attributes.attribute.find((a: { code: string }) => a.code === 'problems');
    expect(problems.datatype).toBe('multivaluelist');
    expect(problems.values.value.length).toBe(4);
  });
  it.each(['xml', 'json'])('answers an unknown or non-public service code with 404 (%s)', async (format) => {
    for (const code of ['NOPE', 'Q01']) {
      const res = await open311Get(t.app, `/services/${code}.${format}`);
      expect(res.status).toBe(404);
      const errors = format === 'xml' ? res.body.errors.error : res.body;
      expect(errors[0].code).toBe(format === 'json' ? 404 : '404');
      expect(errors[0].description).toContain('OPEN311_SERVICE_UNKNOWN');
    }
  });
});
