'use client';
import { SegmentError } from '@/components/ui/segment-error';

export default function JobError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="this job" error={error} reset={reset} />;
}
