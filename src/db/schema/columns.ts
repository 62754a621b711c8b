/** Column helpers shared by the area schemas. */
import type { ColumnType } from 'kysely';

export type Json<T> = ColumnType<T, string | T, string | T>;
/** A JSON column with a database default: may be left out on insert. */
export type JsonWithDefault<T> = ColumnType<T, string | T | undefined, string | T>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
