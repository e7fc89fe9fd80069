'use client';
import { SegmentError } from '@/components/ui/segment-error';

export default function DriftError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="drift monitoring" error={error} reset={reset} />;
}
