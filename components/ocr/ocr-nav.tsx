import { SectionTabs } from '@/components/shell/section-tabs';

// To review | OCR log, with the count of what waits.
export function OcrNav({ inReview }: { inReview: number }) {
  return (
    <SectionTabs
      label="OCR"
      items={[
        { href: '/ocr', label: inReview > 0 ? `To review (${inReview})` : 'To review' },
        { href: '/ocr/log', label: 'OCR log' },
      ]}
    />
  );
}
