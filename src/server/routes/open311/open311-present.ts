/** Our rows in Open311's field names and order (GeoReport v2 §1.2, FixMyStreet updates). */
import type { listCategoryAttributes, PublicRequestRow } from '../../../db/repositories/open311/open311-repository.ts';
import type { CategoryRow } from '../../../db/schema.ts';

type AttributeRow = Awaited<ReturnType<typeof listCategoryAttributes>>[number];
import { formatW3c } from './open311-format.ts';
import { actionNote, statusNotes, toExtendedStatus, toOpen311Status } from './open311-status.ts';

export function presentService(row: CategoryRow & { has_attributes: boolean | number | string }) {
  return {
    service_code: row.code,
    service_name: `${row.minor_name} / ${row.minor_name_en}`,
    description: `${row.major_name} · ${row.minor_name} / ${row.major_name_en}: ${row.minor_name_en}`,
    metadata: row.has_attributes === true || row.has_attributes === 1 || row.has_attributes === 'true',
    type: 'realtime',
    keywords: row.kind,
    group: `${row.major_name} / ${row.major_name_en}`,
  };
}

export function presentDefinition(category: CategoryRow, attributes: AttributeRow[]) {
  return {
    service_code: category.code,
    attributes: attributes.map((a) => ({
      variable: a.variable,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatype_description,
      order: a.position,
      description: a.description,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    })),
  };
}

function addressOf(row: PublicRequestRow): string {
  if (row.address) return row.address;
  return [row.community_name, row.street_name, row.district_name].filter(Boolean).join(', ');
}

/**
 * 12345-style requests (complaints, reports of wrongdoing, personal help) are listed without their
 * text and with the place coarsened to about 100 m; street problems (events, components) in full.
 */
const PRIVATE_DETAIL_KINDS = new Set(['citizen_request']);
const coarse = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000);

export function presentRequest(row: PublicRequestRow) {
  if (!PRIVATE_DETAIL_KINDS.has(row.kind)) return presentAll(row);
  return { ...presentAll({ ...row, address: null, lat: coarse(row.lat), lng: coarse(row.lng), media_urls: [] }), description: '' };
}

function presentAll(row: PublicRequestRow) {
  const status = toOpen311Status(row.state);
  const media = Array.isArray(row.media_urls) ? (row.media_urls as string[]) : [];
  return {
    service_request_id: row.number,
    status,
    status_notes: statusNotes(row.state),
    service_name: `${row.minor_name} / ${row.minor_name_en}`,
    service_code: row.service_code,
    description: row.description,
    agency_responsible: row.department_name ?? '',
    service_notice: '',
    requested_datetime: formatW3c(row.created_at),
    updated_datetime: formatW3c(status === 'closed' ? (row.closed_at ?? row.updated_at) : row.updated_at),
    // Known once the case is dispatched (the resolve deadline); omitted before, as the spec allows.
    expected_datetime: status === 'open' && row.resolve_deadline ? formatW3c(row.resolve_deadline) : undefined,
    address: addressOf(row),
    address_id: '',
    zipcode: '',
    // Numbers or absent, never "" (strict JSON clients refuse a string there).
    lat: row.lat ?? undefined,
    long: row.lng ?? undefined,
    media_url: media[0] ?? '',
  };
}

type NoteEvent = { action: string; to_state: string; at: Date };

/**
 * The `extensions=true` fields as Chicago and Boston serve them: attribute answers, extended_attributes
 * (channel, x, y, photos) and notes (the public timeline as update history).
 */
export function presentExtensions(row: PublicRequestRow, notes: NoteEvent[]) {
  const hidden = PRIVATE_DETAIL_KINDS.has(row.kind);
  const answers = hidden || !row.attributes || typeof row.attributes !== 'object' ? {} : (row.attributes as Record<string, string | string[]>);
  const media = hidden || !Array.isArray(row.media_urls) ? [] : (row.media_urls as string[]);
  return {
    attributes: Object.entries(answers).map(([code, value]) => ({ code, name: code, label: code, value: Array.isArray(value) ? value.join(',') : value })),
    extended_attributes: {
      channel: row.source,
      x: hidden ? coarse(row.lng) ?? undefined : row.lng ?? undefined,
      y: hidden ? coarse(row.lat) ?? undefined : row.lat ?? undefined,
      photos: media,
    },
    notes: notes.map((event) => ({
      datetime: formatW3c(event.at),
      description: actionNote(event.action),
      type: event.action === 'report' ? 'submitted' : toExtendedStatus(event.to_state),
    })),
  };
}

export function presentUpdate(event: { id: number | string; action: string; to_state: string; at: Date; number: string }) {
  return {
    update_id: String(event.id),
    service_request_id: event.number,
    status: toExtendedStatus(event.to_state),
    updated_datetime: formatW3c(event.at),
    description: actionNote(event.action),
    media_url: '',
  };
}
