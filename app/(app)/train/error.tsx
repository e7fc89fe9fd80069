'use client';
import { SegmentError } from '@/components/ui/segment-error';

export default function TrainError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the training form" error={error} reset={reset} />;
}
