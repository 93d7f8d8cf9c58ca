import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { xmlSafe } from '../report/escape.js';
import type { PrintDocument } from './blocks.js';

const FONT = { ascii: 'Times New Roman', eastAsia: 'SimSun', hAnsi: 'Times New Roman' };
/** A4 (11,906 twips) less two 1-inch margins */
const TEXT_WIDTH = 11_906 - 2 * 1440;
const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

/** A Word document via the docx library, which writes text as XML-escaped runs (page text cannot become markup). */
export async function documentToDocx(doc: PrintDocument): Promise<Buffer> {
  const children = doc.blocks.map((b) => {
    switch (b.kind) {
      case 'title': return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: xmlSafe(b.text), bold: true, size: 36, font: FONT })] });
      case 'heading': return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: xmlSafe(b.text), bold: true, size: 28, font: FONT })] });
      case 'paragraph': return new Paragraph({ alignment: b.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { after: 120 }, children: [new TextRun({ text: xmlSafe(b.text), size: 24, font: FONT })] });
      case 'table': return new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        ...(b.widths ? { columnWidths: b.widths.map((w) => Math.round((TEXT_WIDTH * w) / 100)) } : {}),
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        rows: [b.header, ...b.rows].map((row, i) => new TableRow({
          tableHeader: i === 0,
          children: row.map((text) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: xmlSafe(text), bold: i === 0, size: 20, font: FONT })] })] })),
        })),
      });
    }
  });
  const document = new Document({ title: doc.title, creator: 'govsite', sections: [{ properties: { page: { size: { width: 11_906, height: 16_838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children }] });
  return Packer.toBuffer(document);
}
