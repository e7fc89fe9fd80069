// Backtest and threshold calls for the tuner. Types mirror the API's JSON (lib/server is off limits here).
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { SweepPoint } from '@/lib/ml/sweep';
import type { MonitorSettingsInput, ThresholdsInput } from '@/lib/schemas/monitoring';
import { apiFetch } from './api';

export interface BacktestResponse {
  versionId: string; kind: string; n: number; positives: number; from: string | null; to: string | null;
  threshold: number; bands: { review: number; block: number }; costs: { fp: number; fn: number };
  metrics: { rocAuc: number | null; averagePrecision: number | null } | null;
  rocAucInterval: [number, number] | null;
  /** Set when either class has too few labels for the metrics to mean much. */
  warning: string | null;
  atThreshold: SweepPoint; sweep: SweepPoint[];
  /** [score, label] pairs. */
  scores: [number, number][];
}

export const useBacktest = (versionId: string) =>
  useMutation({ mutationFn: () => apiFetch<BacktestResponse>(`/api/models/versions/${versionId}/backtest`, { method: 'POST', body: {} }) });

export function useSaveThresholds(versionId: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: ThresholdsInput) => apiFetch<ThresholdsInput & { id: string }>(`/api/models/versions/${versionId}/thresholds`, { method: 'PUT', body: input }),
    onSuccess: () => router.refresh(),
  });
}

export const useSaveMonitorSettings = (kind: string) =>
  useMutation({ mutationFn: (input: MonitorSettingsInput) => apiFetch(`/api/monitoring/settings/${kind}`, { method: 'PUT', body: input }) });
