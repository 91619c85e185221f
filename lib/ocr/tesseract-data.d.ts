// @tesseract.js-data/* ship no types: each exports where its language files are.
declare module '@tesseract.js-data/eng' {
  const data: { code: string; gzip: boolean; langPath: string };
  export default data;
}
declare module '@tesseract.js-data/msa' {
  const data: { code: string; gzip: boolean; langPath: string };
  export default data;
}
