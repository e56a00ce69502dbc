import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Router, type Response } from 'express';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type pg from 'pg';
import type { PrismaClient } from '../db/prisma.js';
import { AppError } from '../http/app-error.js';
import { authorize } from '../http/guards.js';
import { translator } from '../i18n/i18n.js';
import { cell, exportQuery, isDataset } from './exports.js';
import { pickQuery, reportQuerySchema, resolveFilter } from './filters.js';
import { reportPolicy } from './policy.js';

const BATCH = 1000;

/**
 * Row-level exports, streamed: a server-side cursor hands over 1,000 rows at a time and each batch is written
 * (waiting for the client to drain) before the next is fetched, so memory stays flat at 100,000 rows.
 */
export function exportRoutes(deps: { prisma: PrismaClient; pool: pg.Pool }): Router {
  const router = Router();
  router.get('/officer/reports/exports/:file', async (req, res) => {
    authorize(reportPolicy.export(req.user));
    const [, dataset, format] = /^([a-z]+)\.(csv|xlsx)$/.exec(req.params.file) ?? [];
    if (!isDataset(dataset)) throw AppError.notFound();
    const parsed = reportQuerySchema.safeParse(pickQuery(req.query));
    if (!parsed.success) throw AppError.badRequest();
    const query = exportQuery(dataset, resolveFilter(parsed.data), req.lng);
    const t = translator(req.lng);
    const client = await deps.pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${query.text}`, query.values);
      let batch = await client.query<Record<string, unknown>>(`FETCH ${BATCH} FROM export_rows`);
      const columns = batch.fields.map((f) => f.name);
      const header = columns.map((c) => t(`reports.exports.columns.${c}`, { defaultValue: c }));
      const next = async () => (batch = await client.query<Record<string, unknown>>(`FETCH ${BATCH} FROM export_rows`)).rows;
      const filename = `jisr-${dataset}-${new Date().toISOString().slice(0, 10)}.${format}`;
      res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
      if (format === 'csv') await writeCsv(res, header, columns, batch.rows, next);
      else await writeXlsx(res, t(`reports.exports.datasets.${dataset}`), header, columns, batch.rows, next);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  });
  return router;
}

type Next = () => Promise<Record<string, unknown>[]>;

async function writeCsv(res: Response, header: string[], columns: string[], first: Record<string, unknown>[], next: Next) {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  // The BOM makes Excel read the file as UTF-8 (Arabic names, accents) instead of the system's code page.
  const csv = stringify({ bom: true });
  csv.pipe(res);
  await write(csv, header);
  for (let rows = first; rows.length; rows = await next()) for (const r of rows) await write(csv, columns.map((c) => cell(r[c])));
  csv.end();
  await once(res, 'finish');
}

async function write(stream: Writable, row: unknown) {
  if (!stream.write(row)) await once(stream, 'drain');
}

async function writeXlsx(res: Response, sheet: string, header: string[], columns: string[], first: Record<string, unknown>[], next: Next) {
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  // Inline strings and no styles: the streaming writer then keeps nothing per row in memory.
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: false, useSharedStrings: false });
  const ws = book.addWorksheet(sheet.slice(0, 31));
  ws.addRow(header).commit();
  for (let rows = first; rows.length; rows = await next()) {
    for (const r of rows) ws.addRow(columns.map((c) => cell(r[c]))).commit();
    // Let the zip stream flush to the client before the next batch is fetched.
    if (res.writableNeedDrain) await once(res, 'drain');
  }
  ws.commit();
  await book.commit();
}
