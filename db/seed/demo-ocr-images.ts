import sharp from 'sharp';

// Pictures for the demo's review queue, drawn from SVG with sharp so the demo needs no files
// from outside the repository: a thermal-paper receipt and a MyKad-like card (clearly a sample).

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DemoReceipt {
  merchant: string;
  address: string;
  day: string;
  receiptNumber: string;
  items: { name: string; quantity: number; amount: string }[];
  tax: string;
  total: string;
  // A coffee stain over the total: what made OCR unsure.
  smudged?: boolean;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export async function receiptImage(r: DemoReceipt): Promise<Buffer> {
  const line = (y: number, left: string, right = '', weight = 'normal', size = 15) =>
    `<text x="24" y="${y}" font-size="${size}" font-weight="${weight}" xml:space="preserve">${escape(left)}</text>` +
    (right ? `<text x="356" y="${y}" font-size="${size}" font-weight="${weight}" text-anchor="end">${escape(right)}</text>` : '');
  const rows: string[] = [
    `<text x="190" y="44" font-size="19" font-weight="bold" text-anchor="middle">${escape(r.merchant.toUpperCase())}</text>`,
    `<text x="190" y="68" font-size="13" text-anchor="middle">${escape(r.address)}</text>`,
    line(110, `Resit No: ${r.receiptNumber}`),
    line(132, `Tarikh: ${dmy(r.day)} 12:41`),
    line(152, '--------------------------------------'),
  ];
  let y = 178;
  for (const item of r.items) {
    rows.push(line(y, `${item.name} x${item.quantity}`, item.amount));
    y += 24;
  }
  rows.push(line(y, '--------------------------------------'), line(y + 26, 'SST 6%', r.tax), line(y + 58, 'JUMLAH / TOTAL', `RM ${r.total}`, 'bold', 18));
  rows.push(`<text x="190" y="${y + 110}" font-size="13" text-anchor="middle">Terima kasih! Sila datang lagi</text>`);
  const stain = r.smudged ? `<ellipse cx="250" cy="${y + 52}" rx="120" ry="34" fill="#8b5a2b" fill-opacity="0.55"/>` : '';
  const height = y + 140;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="380" height="${height}" font-family="DejaVu Sans Mono, monospace"><rect width="100%" height="100%" fill="#fbfaf4"/>${rows.join('')}${stain}</svg>`;
  return sharp(Buffer.from(svg)).rotate(-2, { background: '#6b6358' }).jpeg({ quality: 85 }).toBuffer();
}

export async function icCardImage(card: { icNumber: string; name: string; address: string[] }): Promise<Buffer> {
  const address = card.address.map((a, i) => `<text x="40" y="${262 + i * 24}" font-size="17">${escape(a)}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="404" font-family="DejaVu Sans, sans-serif">
    <rect width="100%" height="100%" fill="#3d3a36"/>
    <rect x="20" y="20" width="600" height="364" rx="22" fill="#d7ecf0"/>
    <text x="40" y="66" font-size="22" font-weight="bold" fill="#1d4e73">KAD PENGENALAN</text>
    <text x="40" y="92" font-size="16" fill="#1d4e73">MyKad · SAMPLE (DEMO)</text>
    <text x="40" y="160" font-size="34" font-weight="bold">${escape(card.icNumber)}</text>
    <text x="40" y="226" font-size="20" font-weight="bold">${escape(card.name)}</text>
    ${address}
    <rect x="462" y="110" width="130" height="160" rx="8" fill="#a9c4cc"/>
  </svg>`;
  return sharp(Buffer.from(svg)).blur(1.2).jpeg({ quality: 80 }).toBuffer();
}
