'use client';
import { SegmentError } from '@/components/ui/segment-error';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SegmentError what="transactions" error={error} reset={reset} />;
}
