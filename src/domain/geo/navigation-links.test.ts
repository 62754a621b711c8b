import { describe, expect, it } from 'vitest';
import { navigationLinks } from './navigation-links.ts';

describe('navigationLinks', () => {
  it('builds geo:, 高德 and 百度 links for a WGS84 point with its label encoded', () => {
    const links = navigationLinks({ lat: 43.9, lng: 125.3 }, '井盖 缺失');
    expect(links.geo).toBe('geo:43.9,125.3?q=43.9,125.3(%E4%BA%95%E7%9B%96%20%E7%BC%BA%E5%A4%B1)');
    expect(links.amap).toContain('position=125.3,43.9'); // 高德 takes lng,lat
    expect(links.amap).toContain('coordinate=wgs84');
    expect(links.baiduApp).toMatch(/^baidumap:\/\/map\/marker\?location=43\.9,125\.3&/);
    expect(links.baiduWeb).toContain('coord_type=wgs84');
  });
});
