'use client';
import { SegmentError } from '@/components/ui/segment-error';

export default function ModelsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="the model registry" error={error} reset={reset} />;
}
