import path from 'node:path';

/**
 * Amiri (Regular and Bold), SIL Open Font License 1.1 (assets/fonts/OFL.txt), copyright 2010-2022 The Amiri
 * Project Authors (https://github.com/aliftype/amiri). One family covers Arabic (with the OpenType joining forms,
 * ligatures and mark positioning that fontkit applies) and Latin with Latin-1 and Latin Extended-A, so French
 * accents and most names of the diaspora and of South-South experts need no second font. Taken as TrueType from
 * the npm package @expo-google-fonts/amiri 0.4.1 (the Google Fonts build, version 1.002): fontkit reads TTF as is.
 * Not covered: Tifinagh and scripts other than Arabic and Latin (such letters print as empty boxes).
 */
export const FONT_DIR = path.resolve(import.meta.dirname, '../../../assets/fonts');

export const FONTS = {
  regular: path.join(FONT_DIR, 'Amiri-Regular.ttf'),
  bold: path.join(FONT_DIR, 'Amiri-Bold.ttf'),
} as const;

export type FontWeight = keyof typeof FONTS;
