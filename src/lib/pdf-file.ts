import { fileTypeFromBuffer } from 'file-type';

/**
 * The byte check shared by every PDF upload (CVs, business plans). What counts is the bytes: a PDF starts with
 * `%PDF-` (file-type reads the magic number), whatever the file's name or the type the browser declared.
 */
export async function pdfProblem(
  file: { buffer: Buffer; size: number } | undefined,
  maxBytes: number,
): Promise<'missing' | 'tooLarge' | 'notPdf' | undefined> {
  if (!file || file.size === 0) return 'missing';
  if (file.size > maxBytes) return 'tooLarge';
  const type = await fileTypeFromBuffer(file.buffer);
  if (type?.mime !== 'application/pdf' || !file.buffer.subarray(0, 5).equals(Buffer.from('%PDF-'))) return 'notPdf';
  return undefined;
}
