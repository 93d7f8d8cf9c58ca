/**
 * A printable document (a notice, a bulletin) as plain-text blocks; one renderer per format turns
 * it into Markdown, HTML or DOCX, each escaping for its own syntax. Text may come from the web.
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; align?: 'right' }
  | { kind: 'table'; header: string[]; rows: string[][]; /** column shares in percent */ widths?: number[] };

export interface PrintDocument {
  lang: 'zh' | 'en';
  title: string;
  blocks: Block[];
}

export type DocumentFormat = 'md' | 'html' | 'docx';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['docx', 'md', 'html'];
