'use client';
import { SegmentError } from '@/components/ui/segment-error';

export default function VersionError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="this model version" error={error} reset={reset} />;
}
