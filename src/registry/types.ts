export type SiteLevel = 'province' | 'city' | 'county' | 'town' | 'department';

/** One site as the registry gives it, normalised. */
export interface RegistryRow {
  id: string;
  url: string;
  name: string | null;
  level: SiteLevel | null;
  org: string | null;
  /** consultation entries that live elsewhere (a registry may list several rows for one site) */
  mailboxes: string[];
  portal: boolean;
  /** per-site column overrides: column name → category or max age in days */
  columns: Record<string, string | number>;
  /** every other field of the row, kept as given */
  extra: Record<string, unknown>;
  /** file:line where the row was read */
  source: string;
}

export interface RowError {
  /** file:line */
  place: string;
  reason: string;
}

export interface ParsedRegistry {
  file: string;
  rows: RegistryRow[];
  /** rows skipped */
  errors: RowError[];
  /** rows kept, with something an inspector should check in the registry */
  warnings: RowError[];
}
