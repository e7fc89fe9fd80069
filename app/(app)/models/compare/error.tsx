'use client';
import { SegmentError } from '@/components/ui/segment-error';

export default function CompareError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the comparison" error={error} reset={reset} />;
}
