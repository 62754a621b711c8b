/** Reference data (categories, org tree, departments), fetched once per page load and shared. */
import { useEffect, useState } from 'react';
import { apiGet } from '../../api/client.ts';
import type { CategoryView, DepartmentView, OrgTree } from '../../api/types.ts';

const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let promise = cache.get(key) as Promise<T> | undefined;
  if (!promise) {
    promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return promise;
}

/** All categories with their time limits. */
export function loadCategories(): Promise<CategoryView[]> {
  return cached('categories', () => apiGet<{ items: CategoryView[] }>('/api/v1/categories').then((body) => body.items));
}

/** The org tree (districts → streets → communities → grids). */
export function loadOrgTree(): Promise<OrgTree> {
  return cached('org', () => apiGet<OrgTree>('/api/v1/org/tree'));
}

/** Departments of one district (by its 6-digit code). */
export function loadDepartments(districtCode: string): Promise<DepartmentView[]> {
  return cached(`departments:${districtCode}`, () =>
    apiGet<{ items: DepartmentView[] }>('/api/v1/departments', { district: districtCode }).then((body) => body.items),
  );
}

/** React hook around a loader: undefined while loading. */
export function useLoaded<T>(load: (() => Promise<T>) | null, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!load) return;
    let alive = true;
    load().then(
      (result) => alive && setValue(result),
      (error: unknown) => console.warn(error),
    );
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

/** Names for the ids a user or case carries. */
export interface OrgNames {
  districtCode(id: number | null): string | undefined;
  districtName(id: number | null, english: boolean): string | undefined;
  streetName(id: number | null, english: boolean): string | undefined;
  gridName(id: number | null): string | undefined;
}

/** Looks names up in the org tree. */
export function orgNames(tree: OrgTree | undefined): OrgNames {
  const districts = tree?.districts ?? [];
  const streets = districts.flatMap((d) => d.streets);
  const grids = streets.flatMap((s) => s.communities.flatMap((c) => c.grids));
  return {
    districtCode: (id) => districts.find((d) => d.id === id)?.code,
    districtName: (id, english) => {
      const found = districts.find((d) => d.id === id);
      return found ? (english ? found.nameEn : found.name) : undefined;
    },
    streetName: (id, english) => {
      const found = streets.find((s) => s.id === id);
      return found ? (english ? (found.nameEn ?? found.name) : found.name) : undefined;
    },
    gridName: (id) => {
      const found = grids.find((g) => g.id === id);
      return found ? `${found.name} (${found.code})` : undefined;
    },
  };
}
