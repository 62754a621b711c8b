/**
 * Links that open a phone's navigation app at a case's place: the geo: URI (Android picks the app), 高德 and 百度
 * (app scheme and web page). The point is WGS84 as stored; each link says so, so the apps shift it themselves.
 */

export interface NavigationLinks {
  geo: string;
  amap: string;
  baiduApp: string;
  baiduWeb: string;
}

/**
 * @example
 * navigationLinks({ lat: 43.9, lng: 125.3 }, '井盖缺失').geo; // 'geo:43.9,125.3?q=43.9,125.3(%E4%BA%95%E7%9B%96%E7%BC%BA%E5%A4%B1)'
 */
export function navigationLinks(point: { lat: number; lng: number }, label: string): NavigationLinks {
  const name = encodeURIComponent(label);
  const latLng = `${point.lat},${point.lng}`;
  return {
    geo: `geo:${latLng}?q=${latLng}(${name})`,
    amap: `https://uri.amap.com/marker?position=${point.lng},${point.lat}&name=${name}&coordinate=wgs84&callnative=1&src=civicloop`,
    baiduApp: `baidumap://map/marker?location=${latLng}&title=${name}&coord_type=wgs84&src=civicloop`,
    baiduWeb: `https://api.map.baidu.com/marker?location=${latLng}&title=${name}&content=${name}&output=html&coord_type=wgs84&src=civicloop`,
  };
}
